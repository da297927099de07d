using Engagement.V1;
using Microsoft.Extensions.Time.Testing;

namespace Engagement.EndToEnd;

public sealed class CourseDurabilityTests
{
    [Fact]
    public async Task WatchingResumesAfterARestartFromWhatWasStoredAndPaysOnce()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
        var directory = Directory.CreateTempSubdirectory("engagement-courses-").FullName;
        try
        {
            Seed seed;
            string id, courseId;
            ReportProgressResponse halfWay;
            await using (var node = await TestNode.StartAsync(directory, time))
            {
                seed = await Seed.CreateAsync(node);
                (id, _) = await seed.MemberAsync();
                courseId = (await node.CreateCourseAsync(seed, 60, 60)).CourseId;
                var member = node.MemberCourses(id);
                await Report(member, courseId, "e1", 0, "a");
                time.Advance(TimeSpan.FromSeconds(60));
                await Report(member, courseId, "e1", 60, "b");
                await Report(member, courseId, "e2", 0, "c");
                time.Advance(TimeSpan.FromSeconds(30));
                halfWay = await Report(member, courseId, "e2", 30, "d");
            }

            await using var restarted = await TestNode.StartAsync(directory, time);
            var again = restarted.MemberCourses(id);
            var retry = await Report(again, courseId, "e2", 30, "d");
            time.Advance(TimeSpan.FromSeconds(30));
            var finished = await Report(again, courseId, "e2", 60, "e");
            var listed = Assert.Single((await again.ListCoursesAsync(new ListCoursesRequest())).Courses);
            var balance = await Seed.Reattach(seed, restarted.Channel, restarted.Key).As(id, new RoleGrant(Role.Member, id))
                .Points.GetBalanceAsync(new GetBalanceRequest());

            Assert.Equal(halfWay, retry);
            Assert.Equal(60, finished.CoveredSeconds);
            Assert.Equal(1, finished.EpisodeAward.PointsAwarded);
            Assert.Equal(5, finished.CourseAward.PointsAwarded);
            Assert.True(listed.Progress.Completed);
            Assert.Equal("学习二十大精神", listed.Course.Title);
            Assert.Equal(7, balance.Balance);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<ReportProgressResponse> Report(CourseService.CourseServiceClient member, string courseId, string episodeId, int position, string key) =>
        await member.ReportProgressAsync(new ReportProgressRequest { CourseId = courseId, EpisodeId = episodeId, PositionSeconds = position, IdempotencyKey = key });
}
