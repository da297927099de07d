namespace Engagement.Tests;

/// <summary>Abuse and edge cases found in review: each would have paid points or shown data it should not.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ReviewFindingsTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task ParkingAnchorsOnEveryEpisodeAndJumpingToEachEndLaterEarnsNothing()
    {
        var org = await new Org(_grains).CreateAsync();
        var course = await CourseViewer.CreateCourseAsync(_grains, org, 300, 300, 300);
        var viewer = new CourseViewer(_grains, fixture.Time, await org.MemberAsync(), course.CourseId);
        foreach (var episode in (string[])["e1", "e2", "e3"])
        {
            await viewer.ReportAsync(episode, 0);
        }

        fixture.Time.Advance(TimeSpan.FromSeconds(200));
        var results = new List<ProgressResult>();
        foreach (var episode in (string[])["e1", "e2", "e3"])
        {
            results.Add(await viewer.ReportAsync(episode, 300));
        }

        // Each jump lands on an episode the player was not playing: nothing was watched, nothing is paid.
        Assert.Equal([0, 0, 0], results.Select(r => r.CoveredSeconds));
        Assert.Equal(0, await viewer.BalanceAsync());
    }

    [Fact]
    public async Task AnEpisodeCalledCompletedDoesNotSwallowTheCourseBonus()
    {
        var org = await new Org(_grains).CreateAsync();
        var course = await _grains.GetGrain<ICourseGrain>(Org.Next("course")).CreateAsync(org.Admin,
            new NewCourse(org.Park, "理论学习", "", [], [new EpisodeInfo("completed", "第一讲", 60)]), Org.Next("k"));
        var viewer = new CourseViewer(_grains, fixture.Time, await org.MemberAsync(), course.CourseId);

        var results = await viewer.PlayAsync("completed", 0, 60, step: 20);

        Assert.True(results[^1].CourseCompleted);
        Assert.Equal(1 + PointsRules.Default.CourseCompletedPoints, await viewer.BalanceAsync());
    }

    [Fact]
    public async Task ASecretaryOfAnotherBranchCannotReadAnEventByRepublishingItsIdAndKey()
    {
        var org = await new Org(_grains).CreateAsync();
        var other = await new Org(_grains).CreateAsync();
        var start = fixture.Time.GetUtcNow().AddHours(1);
        var draft = EventSetup.BranchEvent(org, start);
        var grain = _grains.GetGrain<IEventGrain>(Org.Next("ev"));
        var published = await grain.PublishAsync(org.Secretary, draft, "publish");

        var error = await Assert.ThrowsAsync<EngagementException>(() => grain.PublishAsync(other.Secretary, draft with { BranchId = other.Branch }, "publish"));
        var retry = await grain.PublishAsync(org.Secretary, draft, "publish");

        Assert.Equal(ErrorKind.AlreadyExists, error.Kind);
        Assert.Equal(published, retry);
    }
}
