using Engagement.V1;
using Grpc.Core;

namespace Engagement.EndToEnd;

[Collection(NodeCollection.Name)]
public sealed class CourseTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    [Fact]
    public async Task AParkAdminCreatesACourseAndAMemberListsItWithTheirProgress()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, _) = await seed.MemberAsync();
        var created = await Node.CreateCourseAsync(seed, 1200, 900);
        var member = Node.MemberCourses(id);

        var list = await member.ListCoursesAsync(new ListCoursesRequest());
        var read = await member.GetCourseAsync(new GetCourseRequest { CourseId = created.CourseId });

        var course = Assert.Single(list.Courses);
        Assert.Equal(id, list.MemberId);
        Assert.Equal(created, course.Course);
        Assert.Equal(created, read.Course);
        Assert.Equal(["e1", "e2"], course.Course.Episodes.Select(e => e.EpisodeId));
        Assert.Equal("理论学习", Assert.Single(course.Course.Tags));
        Assert.Equal(0, course.Progress.EpisodesWatched);
        Assert.Equal(2, course.Progress.EpisodesTotal);
        Assert.False(course.Progress.Completed);
        Assert.All(course.Progress.Episodes, e => Assert.False(e.Watched));
    }

    [Fact]
    public async Task WatchingEveryEpisodeAtRealSpeedPaysTheEpisodesAndTheCourseBonus()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, api) = await seed.MemberAsync();
        var course = await Node.CreateCourseAsync(seed, 60, 60);
        var member = Node.MemberCourses(id);

        var first = await WatchAsync(member, course.CourseId, "e1", 0, 30, 60);
        var second = await WatchAsync(member, course.CourseId, "e2", 0, 30, 60);
        var retry = await member.ReportProgressAsync(Report(course.CourseId, "e2", 60, "e2-at-60"));
        var balance = await api.Points.GetBalanceAsync(new GetBalanceRequest());
        var ledger = await api.Points.ListLedgerAsync(new ListLedgerRequest());
        var listed = Assert.Single((await member.ListCoursesAsync(new ListCoursesRequest { MemberId = id })).Courses);
        var bySecretary = await Node.Courses("secretary", new RoleGrant(Role.Secretary, seed.Branch)).ListCoursesAsync(new ListCoursesRequest { MemberId = id });

        Assert.Equal(1, first[^1].EpisodeAward.PointsAwarded);
        Assert.Null(first[^1].CourseAward);
        Assert.Equal(5, second[^1].CourseAward.PointsAwarded);
        Assert.True(second[^1].CourseCompleted);
        Assert.Equal(second[^1], retry);
        Assert.Equal(7, balance.Balance);
        Assert.Equal(
            [V1.LedgerEntryKind.CourseCompleted, V1.LedgerEntryKind.CourseEpisode, V1.LedgerEntryKind.CourseEpisode],
            ledger.Entries.Select(e => e.Kind));
        Assert.Equal($"course-completed:{course.CourseId}", ledger.Entries[0].Reference);
        Assert.Equal($"course-episode:{course.CourseId}:e2", ledger.Entries[1].Reference);
        Assert.True(listed.Progress.Completed);
        Assert.Equal(2, listed.Progress.EpisodesWatched);
        Assert.Equal(listed, Assert.Single(bySecretary.Courses));
    }

    [Fact]
    public async Task SkippingAheadEarnsNothing()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, api) = await seed.MemberAsync();
        var course = await Node.CreateCourseAsync(seed, 1200);
        var member = Node.MemberCourses(id);

        await member.ReportProgressAsync(Report(course.CourseId, "e1", 0));
        Node.Time.Advance(TimeSpan.FromSeconds(10));
        var skipped = await member.ReportProgressAsync(Report(course.CourseId, "e1", 600));
        Node.Time.Advance(TimeSpan.FromSeconds(10));
        var toTheEnd = await member.ReportProgressAsync(Report(course.CourseId, "e1", 1200));

        Assert.Equal(0, skipped.AddedSeconds);
        Assert.Equal(0, toTheEnd.CoveredSeconds);
        Assert.False(toTheEnd.Watched);
        Assert.Null(toTheEnd.EpisodeAward);
        Assert.Equal(0, (await api.Points.GetBalanceAsync(new GetBalanceRequest())).Balance);
        Assert.Empty((await api.Points.ListLedgerAsync(new ListLedgerRequest())).Entries);
    }

    [Fact]
    public async Task UnknownCoursesAndEpisodesAreNotFound()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, _) = await seed.MemberAsync();
        var course = await Node.CreateCourseAsync(seed, 60);
        var member = Node.MemberCourses(id);

        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.CourseNotFound,
            () => member.ReportProgressAsync(Report("no-such-course", "e1", 0)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.EpisodeNotFound,
            () => member.ReportProgressAsync(Report(course.CourseId, "e2", 0)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.CourseNotFound,
            () => member.GetCourseAsync(new GetCourseRequest { CourseId = "no-such-course" }));
    }

    [Fact]
    public async Task AMemberOfAnotherParkCannotSeeOrReportOnTheCourse()
    {
        var seed = await Seed.CreateAsync(Node);
        var otherPark = await Seed.CreateAsync(Node);
        var (outsiderId, _) = await otherPark.MemberAsync();
        var course = await Node.CreateCourseAsync(seed, 60);
        var outsider = Node.MemberCourses(outsiderId);

        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.CourseNotFound,
            () => outsider.GetCourseAsync(new GetCourseRequest { CourseId = course.CourseId }));
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.CourseNotFound,
            () => outsider.ReportProgressAsync(Report(course.CourseId, "e1", 0)));
        Assert.Empty((await outsider.ListCoursesAsync(new ListCoursesRequest())).Courses);
    }

    [Fact]
    public async Task APositionOutsideTheEpisodeIsInvalidArgumentNamingPositionSeconds()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, _) = await seed.MemberAsync();
        var course = await Node.CreateCourseAsync(seed, 60);
        var member = Node.MemberCourses(id);

        var negative = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => member.ReportProgressAsync(Report(course.CourseId, "e1", -1)));
        var pastTheEnd = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => member.ReportProgressAsync(Report(course.CourseId, "e1", 61)));

        Assert.Equal(["position_seconds"], RpcAssert.ViolatedFields(negative));
        Assert.Equal(["position_seconds"], RpcAssert.ViolatedFields(pastTheEnd));
        Assert.Contains("60", pastTheEnd.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMemberCannotCreateCoursesNorReportForSomeoneElse()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, _) = await seed.MemberAsync();
        var (classmate, _) = await seed.MemberAsync();
        var course = await Node.CreateCourseAsync(seed, 60);
        var member = Node.MemberCourses(id);
        var request = new CreateCourseRequest { ParkId = seed.Park, CourseId = Seed.Next("course"), Title = "自学", IdempotencyKey = "k" };
        request.Episodes.Add(new Episode { EpisodeId = "e1", Title = "第一讲", DurationSeconds = 600 });

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied, () => member.CreateCourseAsync(request));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => member.ReportProgressAsync(new ReportProgressRequest { MemberId = classmate, CourseId = course.CourseId, EpisodeId = "e1", IdempotencyKey = "k" }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => member.ListCoursesAsync(new ListCoursesRequest { MemberId = classmate }));
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.CourseNotFound,
            () => member.GetCourseAsync(new GetCourseRequest { CourseId = request.CourseId }));
    }

    [Fact]
    public async Task ABadCourseNamesEveryBadFieldAndCreatesNothing()
    {
        var seed = await Seed.CreateAsync(Node);
        var request = new CreateCourseRequest { ParkId = seed.Park, CourseId = Seed.Next("course"), Title = "", IdempotencyKey = "k" };
        request.Episodes.Add(new Episode { EpisodeId = "e1", Title = "第一讲", DurationSeconds = 30 });
        request.Episodes.Add(new Episode { EpisodeId = "e1", Title = "第二讲", DurationSeconds = 600 });

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => Node.AdminCourses(seed).CreateCourseAsync(request));

        Assert.Equal(["title", "episodes[0].duration_seconds", "episodes[1].episode_id"], RpcAssert.ViolatedFields(error));
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.CourseNotFound,
            () => Node.AdminCourses(seed).GetCourseAsync(new GetCourseRequest { CourseId = request.CourseId }));
    }

    [Fact]
    public async Task AnUnverifiedMemberIsToldToGetVerified()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, _) = await seed.MemberAsync(verified: false);
        var course = await Node.CreateCourseAsync(seed, 60);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, ErrorReasons.MemberNotVerified,
            () => Node.MemberCourses(id).ReportProgressAsync(Report(course.CourseId, "e1", 0)));
    }

    /// <summary>
    /// Reports each position (key "{episode}-at-{position}"), moving the node's clock 30 s between reports: real speed
    /// for 30 s steps.
    /// </summary>
    private async Task<List<ReportProgressResponse>> WatchAsync(CourseService.CourseServiceClient member, string courseId, string episodeId, params int[] positions)
    {
        var results = new List<ReportProgressResponse>();
        foreach (var position in positions)
        {
            if (results.Count > 0)
            {
                Node.Time.Advance(TimeSpan.FromSeconds(30));
            }

            results.Add(await member.ReportProgressAsync(Report(courseId, episodeId, position, $"{episodeId}-at-{position}")));
        }

        return results;
    }

    private static ReportProgressRequest Report(string courseId, string episodeId, int position, string? key = null) =>
        new() { CourseId = courseId, EpisodeId = episodeId, PositionSeconds = position, IdempotencyKey = key ?? Seed.Next("k") };
}
