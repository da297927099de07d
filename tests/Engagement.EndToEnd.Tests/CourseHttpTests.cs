using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Engagement.EndToEnd;

[Collection(NodeCollection.Name)]
public sealed class CourseHttpTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    [Fact]
    public async Task AParkAdminCreatesACourseAndAMembersPlayerReportsProgressWithPlainJson()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, _) = await seed.MemberAsync();
        var courseId = Seed.Next("course");
        using var admin = Client(Node.Token("admin", new RoleGrant(Role.ParkAdmin, seed.Park)));
        using var member = Client(Node.Token(id, new RoleGrant(Role.Member, id)));

        using var created = await admin.PostAsync($"/v1/parks/{seed.Park}/courses", Json($$"""
            {"courseId":"{{courseId}}","title":"党章学习","episodes":[{"episodeId":"e1","title":"总纲","durationSeconds":60}],"idempotencyKey":"c-1"}
            """));
        using var start = await member.PostAsync($"/v1/members/{id}/courses/{courseId}/episodes/e1:progress", Json("""{"positionSeconds":0,"idempotencyKey":"p-0"}"""));
        Node.Time.Advance(TimeSpan.FromSeconds(60));
        using var end = await member.PostAsync($"/v1/members/{id}/courses/{courseId}/episodes/e1:progress", Json("""{"positionSeconds":60,"idempotencyKey":"p-60"}"""));
        var list = JsonDocument.Parse(await member.GetStringAsync($"/v1/members/{id}/courses")).RootElement;

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        var report = JsonDocument.Parse(await end.Content.ReadAsStringAsync()).RootElement;
        Assert.True(report.GetProperty("watched").GetBoolean());
        Assert.True(report.GetProperty("courseCompleted").GetBoolean());
        Assert.Equal("LEDGER_ENTRY_KIND_COURSE_EPISODE", report.GetProperty("episodeAward").GetProperty("entry").GetProperty("kind").GetString());
        var course = list.GetProperty("courses")[0];
        Assert.Equal("党章学习", course.GetProperty("course").GetProperty("title").GetString());
        Assert.True(course.GetProperty("progress").GetProperty("completed").GetBoolean());
    }

    private HttpClient Client(string token)
    {
        var http = new HttpClient { BaseAddress = Node.HttpAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
