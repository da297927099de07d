using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Engagement.EndToEnd;

[Collection(NodeCollection.Name)]
public sealed class HttpEndpointTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    [Fact]
    public async Task AMemberChecksInWithPlainJsonOverHttp1()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, _) = await seed.MemberAsync();
        using var http = new HttpClient { BaseAddress = Node.HttpAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Node.Token(id, new RoleGrant(Role.Member, id)));

        using var checkIn = await http.PostAsync($"/v1/members/{id}:checkIn",
            new StringContent("""{"idempotencyKey":"json-1"}""", Encoding.UTF8, "application/json"));
        var balance = JsonDocument.Parse(await http.GetStringAsync($"/v1/members/{id}/balance"));

        Assert.Equal(HttpStatusCode.OK, checkIn.StatusCode);
        Assert.Equal(HttpVersion.Version11, checkIn.Version);
        var body = JsonDocument.Parse(await checkIn.Content.ReadAsStringAsync());
        Assert.Equal(1, Int64(body.RootElement.GetProperty("pointsAwarded")));
        Assert.Equal(1, Int64(balance.RootElement.GetProperty("balance")));
    }

    [Fact]
    public async Task TheBoardAndARankAreReadOverJsonWithEnumsInTheQuery()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, member) = await seed.MemberAsync();
        await member.Points.CheckInAsync(new V1.CheckInRequest { MemberId = id, IdempotencyKey = "json-board" });
        using var http = new HttpClient { BaseAddress = Node.HttpAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Node.Token(id, new RoleGrant(Role.Member, id)));
        var query = $"scope=LEADERBOARD_SCOPE_BRANCH_MEMBERS&scopeId={seed.Branch}&period=LEADERBOARD_PERIOD_ALL";

        var board = await Eventually.SucceedsAsync(async () =>
        {
            var json = JsonDocument.Parse(await http.GetStringAsync($"/v1/leaderboards?{query}"));
            return json.RootElement.GetProperty("entries").GetArrayLength() == 1 ? json : throw new InvalidOperationException("the check-in is not on the board yet");
        }, TimeSpan.FromSeconds(10), "the check-in on the branch board");
        var rank = JsonDocument.Parse(await http.GetStringAsync($"/v1/members/{id}/rank?{query}"));

        Assert.Equal(id, board.RootElement.GetProperty("entries")[0].GetProperty("memberId").GetString());
        Assert.Equal(1, Int64(rank.RootElement.GetProperty("entry").GetProperty("rank")));
    }

    [Fact]
    public async Task TheRosterPagesOverJsonAndAMemberBrowsesTheirParkWithoutNamingIt()
    {
        var seed = await Seed.CreateAsync(Node);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await seed.MemberAsync(verified: i != 1)).Id);
        }

        using var http = new HttpClient { BaseAddress = Node.HttpAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Node.Token("admin", new RoleGrant(Role.ParkAdmin, seed.Park)));
        var first = JsonDocument.Parse(await http.GetStringAsync($"/v1/committees/{seed.Committee}/members?pageSize=1&status=MEMBER_STATUS_ACTIVE"));
        var token = first.RootElement.GetProperty("nextPageToken").GetString();
        var second = JsonDocument.Parse(await http.GetStringAsync(
            $"/v1/committees/{seed.Committee}/members?pageSize=1&status=MEMBER_STATUS_ACTIVE&pageToken={Uri.EscapeDataString(token!)}"));
        using var member = new HttpClient { BaseAddress = Node.HttpAddress };
        member.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Node.Token(ids[0], new RoleGrant(Role.Member, ids[0])));
        using var browse = await member.GetAsync("/v1/merchants");

        var listed = first.RootElement.GetProperty("members").EnumerateArray()
            .Concat(second.RootElement.TryGetProperty("members", out var more) ? more.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Select(m => m.GetProperty("memberId").GetString()!);

        Assert.Equal(new[] { ids[0], ids[2] }.Order(StringComparer.Ordinal), listed);
        Assert.Equal("", second.RootElement.TryGetProperty("nextPageToken", out var last) ? last.GetString() : "");
        Assert.Equal(HttpStatusCode.OK, browse.StatusCode);
    }

    [Fact]
    public async Task JsonCallsWithoutATokenGet401WithTheReason()
    {
        using var http = new HttpClient { BaseAddress = Node.HttpAddress };

        using var response = await http.GetAsync("/v1/members/m1/balance");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(ErrorReasons.Unauthenticated, body.RootElement.GetProperty("details")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task TheHealthServiceReportsServing()
    {
        var health = new Health.HealthClient(Node.Channel);

        var response = await health.CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task GrpcWebCallsWorkOnTheHttp1Port()
    {
        using var channel = GrpcChannel.ForAddress(Node.HttpAddress, new GrpcChannelOptions
        {
            HttpHandler = new Grpc.Net.Client.Web.GrpcWebHandler(Grpc.Net.Client.Web.GrpcWebMode.GrpcWeb, new HttpClientHandler()),
            HttpVersion = HttpVersion.Version11,
            HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        });

        var response = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    /// <summary>Proto3 JSON writes int64 as a string (a JavaScript number would round large figures).</summary>
    private static long Int64(JsonElement element)
    {
        Assert.Equal(JsonValueKind.String, element.ValueKind);
        return long.Parse(element.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }
}
