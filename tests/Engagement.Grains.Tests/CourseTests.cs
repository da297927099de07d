namespace Engagement.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CourseTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task AParkAdminCreatesACourseOnceAndItIsListedOnceEvenWhenRetried()
    {
        var org = await new Org(_grains).CreateAsync();
        var course = _grains.GetGrain<ICourseGrain>(Org.Next("course"));
        var definition = new NewCourse(org.Park, "党史学习", "四史教育", ["党史", "必修"], [new EpisodeInfo("e1", "第一集", 1200)]);

        var first = await course.CreateAsync(org.Admin, definition, "k1");
        var retry = await course.CreateAsync(org.Admin, definition, "k1");
        var changed = await Assert.ThrowsAsync<EngagementException>(() => course.CreateAsync(org.Admin, definition with { Title = "changed" }, "k1"));
        var taken = await Assert.ThrowsAsync<EngagementException>(() => course.CreateAsync(org.Admin, definition, "k2"));

        Assert.Equivalent(first, retry, strict: true);
        Assert.Equal("党史学习", retry.Title);
        Assert.Equal(ErrorReasons.CourseExists, taken.Reason);
        Assert.Equal(ErrorReasons.CourseExists, changed.Reason);
        Assert.Equal(ErrorKind.AlreadyExists, taken.Kind);
        Assert.Equal([first.CourseId], await _grains.GetGrain<ICourseCatalogGrain>(org.Park).ListAsync());
    }

    [Fact]
    public async Task OnlyAnAdminOfTheCoursesParkCreatesIt()
    {
        var org = await new Org(_grains).CreateAsync();
        var other = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var definition = new NewCourse(org.Park, "课程", "", [], [new EpisodeInfo("e1", "第一集", 600)]);
        var course = _grains.GetGrain<ICourseGrain>(Org.Next("course"));

        var byMember = await Assert.ThrowsAsync<EngagementException>(
            () => course.CreateAsync(Org.MemberCaller(member.GetPrimaryKeyString()), definition, "k"));
        var byOtherAdmin = await Assert.ThrowsAsync<EngagementException>(() => course.CreateAsync(other.Admin, definition, "k"));
        var notCreated = await Assert.ThrowsAsync<EngagementException>(() => course.GetInfoAsync());

        Assert.Equal(ErrorKind.PermissionDenied, byMember.Kind);
        Assert.Equal((ErrorKind.NotFound, ErrorReasons.ParkNotFound), (byOtherAdmin.Kind, byOtherAdmin.Reason));
        Assert.Equal(ErrorReasons.CourseNotFound, notCreated.Reason);
        Assert.Empty(await _grains.GetGrain<ICourseCatalogGrain>(org.Park).ListAsync());
    }

    [Fact]
    public async Task ListingShowsEveryCourseOfTheParkWithTheMembersProgress()
    {
        var org = await new Org(_grains).CreateAsync();
        var first = await CourseViewer.CreateCourseAsync(_grains, org, 60, 60);
        var second = await CourseViewer.CreateCourseAsync(_grains, org, 60);
        var viewer = new CourseViewer(_grains, fixture.Time, await org.MemberAsync(), first.CourseId);
        await viewer.PlayAsync("e2", 0, 60);
        await viewer.PlayAsync("e1", 0, 30);

        var list = await _grains.GetGrain<IMemberCoursesGrain>(viewer.Member.GetPrimaryKeyString()).ListAsync(viewer.Caller);
        var bySecretary = await _grains.GetGrain<IMemberCoursesGrain>(viewer.Member.GetPrimaryKeyString()).ListAsync(org.Secretary);

        Assert.Equal([first.CourseId, second.CourseId], list.Select(c => c.Course.CourseId));
        var progress = list[0].Progress;
        Assert.Equal(1, progress.EpisodesWatched);
        Assert.Equal(2, progress.EpisodesTotal);
        Assert.False(progress.Completed);
        Assert.Equal([new EpisodeProgress("e1", false, 30, 50), new EpisodeProgress("e2", true, 60, 100)], progress.Episodes);
        Assert.Equal(0, list[1].Progress.EpisodesWatched);
        Assert.Equal(list.Count, bySecretary.Count);
    }

    [Fact]
    public async Task OnlyTheMemberReportsTheirProgressAndOnlyThoseWhoManageThemSeeIt()
    {
        var org = await new Org(_grains).CreateAsync();
        var other = await new Org(_grains).CreateAsync();
        var course = await CourseViewer.CreateCourseAsync(_grains, org, 60);
        var viewer = new CourseViewer(_grains, fixture.Time, await org.MemberAsync(), course.CourseId);
        var classmate = Org.MemberCaller((await org.MemberAsync()).GetPrimaryKeyString());
        var list = _grains.GetGrain<IMemberCoursesGrain>(viewer.Member.GetPrimaryKeyString());

        var reportForOther = await Assert.ThrowsAsync<EngagementException>(() => viewer.Progress.ReportAsync(org.Secretary, "e1", 0, "k"));
        var listByClassmate = await Assert.ThrowsAsync<EngagementException>(() => list.ListAsync(classmate));
        var listByOtherSecretary = await Assert.ThrowsAsync<EngagementException>(() => list.ListAsync(other.Secretary));

        Assert.Equal(ErrorKind.PermissionDenied, reportForOther.Kind);
        Assert.Equal(ErrorKind.PermissionDenied, listByClassmate.Kind);
        Assert.Equal((ErrorKind.NotFound, ErrorReasons.MemberNotFound), (listByOtherSecretary.Kind, listByOtherSecretary.Reason));
    }

    [Fact]
    public async Task AMemberOfAnotherParkFindsNoSuchCourse()
    {
        var org = await new Org(_grains).CreateAsync();
        var other = await new Org(_grains).CreateAsync();
        var course = await CourseViewer.CreateCourseAsync(_grains, org, 60);
        var outsider = new CourseViewer(_grains, fixture.Time, await other.MemberAsync(), course.CourseId);

        var report = await Assert.ThrowsAsync<EngagementException>(() => outsider.ReportAsync("e1", 0));
        var read = await Assert.ThrowsAsync<EngagementException>(() => _grains.GetGrain<ICourseGrain>(course.CourseId).GetAsync(outsider.Caller));
        var list = await _grains.GetGrain<IMemberCoursesGrain>(outsider.Member.GetPrimaryKeyString()).ListAsync(outsider.Caller);
        var readInPark = await _grains.GetGrain<ICourseGrain>(course.CourseId).GetAsync(org.Secretary);

        Assert.Equal(ErrorReasons.CourseNotFound, report.Reason);
        Assert.Equal(ErrorReasons.CourseNotFound, read.Reason);
        Assert.Empty(list);
        Assert.Equal(course.CourseId, readInPark.CourseId);
    }

    [Fact]
    public async Task UnknownCoursesAndEpisodesAreNotFoundAndAPositionPastTheEndIsInvalid()
    {
        var org = await new Org(_grains).CreateAsync();
        var course = await CourseViewer.CreateCourseAsync(_grains, org, 60);
        var member = await org.MemberAsync();
        var viewer = new CourseViewer(_grains, fixture.Time, member, course.CourseId);
        var nowhere = new CourseViewer(_grains, fixture.Time, member, "no-such-course");

        var unknownCourse = await Assert.ThrowsAsync<EngagementException>(() => nowhere.ReportAsync("e1", 0));
        var unknownEpisode = await Assert.ThrowsAsync<EngagementException>(() => viewer.ReportAsync("e9", 0));
        var pastTheEnd = await Assert.ThrowsAsync<EngagementException>(() => viewer.ReportAsync("e1", 61));

        Assert.Equal((ErrorKind.NotFound, ErrorReasons.CourseNotFound), (unknownCourse.Kind, unknownCourse.Reason));
        Assert.Equal((ErrorKind.NotFound, ErrorReasons.EpisodeNotFound), (unknownEpisode.Kind, unknownEpisode.Reason));
        Assert.Equal(ErrorKind.InvalidArgument, pastTheEnd.Kind);
        Assert.Equal("position_seconds", Assert.Single(pastTheEnd.Violations).Field);
        Assert.Equal(0, (await viewer.ReportAsync("e1", 60)).CoveredSeconds);
    }
}
