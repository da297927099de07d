namespace Engagement.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CourseProgressTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task WatchingAtRealSpeedMarksTheEpisodeWatchedAtEightyPercentAndAwardsOnePointOnce()
    {
        var (viewer, course) = await ViewerAsync(300, 300);

        var results = await viewer.PlayAsync("e1", 0, 300);

        var at70 = results.Single(r => r.CoveredSeconds == 210);
        var at80 = results.Single(r => r.CoveredSeconds == 240);
        Assert.False(at70.Watched);
        Assert.Equal(70, at70.Percent);
        Assert.True(at80.Watched);
        Assert.Equal(80, at80.Percent);
        Assert.Equal(1, at80.EpisodeAward?.PointsAwarded);
        Assert.Equal(LedgerEntryKind.CourseEpisode, at80.EpisodeAward?.Entry?.Kind);
        Assert.Equal($"course-episode:{course.CourseId}:e1", at80.EpisodeAward?.Entry?.Reference);
        Assert.Single(results, r => r.EpisodeAward is not null);
        Assert.All(results.SkipWhile(r => r != at80), r => Assert.True(r.Watched));
        Assert.Equal(100, results[^1].Percent);
        Assert.False(results[^1].CourseCompleted);
        Assert.Equal(1, await viewer.BalanceAsync());
    }

    [Fact]
    public async Task SkippingAheadEarnsNothing()
    {
        var (viewer, _) = await ViewerAsync(1200, 1200);

        await viewer.ReportAsync("e1", 0);
        fixture.Time.Advance(TimeSpan.FromSeconds(10));
        var skip = await viewer.ReportAsync("e1", 600);
        var rest = await viewer.PlayAsync("e1", 600, 1200);
        await viewer.ReportAsync("e2", 0);
        fixture.Time.Advance(TimeSpan.FromSeconds(10));
        var jump = await viewer.ReportAsync("e2", 1200);

        Assert.Equal(0, skip.AddedSeconds);
        Assert.Equal(0, skip.CoveredSeconds);
        Assert.Equal(600, rest[^1].CoveredSeconds);
        Assert.False(rest[^1].Watched);
        Assert.Equal(0, jump.CoveredSeconds);
        Assert.False(jump.Watched);
        Assert.Equal(0, await viewer.BalanceAsync());
    }

    [Fact]
    public async Task PlayingAtOneAndAHalfTimesSpeedStillCountsButDoubleSpeedDoesNot()
    {
        var (viewer, _) = await ViewerAsync(300, 300);

        var fast = await viewer.PlayAsync("e1", 0, 300, speed: 1.5);
        var tooFast = await viewer.PlayAsync("e2", 0, 300, speed: 2);

        Assert.Equal(300, fast[^1].CoveredSeconds);
        Assert.True(fast[^1].Watched);
        Assert.Equal(0, tooFast[^1].CoveredSeconds);
        Assert.False(tooFast[^1].Watched);
        Assert.Equal(1, await viewer.BalanceAsync());
    }

    [Fact]
    public async Task RewindingAndWatchingAgainDoesNotCountTwice()
    {
        var (viewer, _) = await ViewerAsync(300, 300);

        var firstPass = await viewer.PlayAsync("e1", 0, 150);
        fixture.Time.Advance(TimeSpan.FromSeconds(5));
        var secondPass = await viewer.PlayAsync("e1", 0, 150);
        var onwards = await viewer.PlayAsync("e1", 150, 210);

        Assert.Equal(150, firstPass[^1].CoveredSeconds);
        Assert.All(secondPass, r => Assert.Equal(0, r.AddedSeconds));
        Assert.Equal(150, secondPass[^1].CoveredSeconds);
        Assert.Equal(210, onwards[^1].CoveredSeconds);
        Assert.False(onwards[^1].Watched);
        Assert.Equal(0, await viewer.BalanceAsync());
    }

    [Fact]
    public async Task FinishingEveryEpisodeAwardsTheCourseBonusOnce()
    {
        var (viewer, course) = await ViewerAsync(60, 60);

        var first = await viewer.PlayAsync("e1", 0, 60);
        var second = await viewer.PlayAsync("e2", 0, 60);
        var again = await viewer.PlayAsync("e1", 0, 60);

        Assert.All(first, r => Assert.Null(r.CourseAward));
        var completing = Assert.Single(second, r => r.CourseAward is not null);
        Assert.Equal(5, completing.CourseAward!.PointsAwarded);
        Assert.True(completing.CourseCompleted);
        Assert.Equal(2, completing.EpisodesWatched);
        Assert.All(again, r => Assert.Null(r.CourseAward ?? r.EpisodeAward));
        Assert.All(again, r => Assert.True(r.CourseCompleted));
        Assert.Equal(7, await viewer.BalanceAsync());
        var ledger = await viewer.LedgerAsync();
        Assert.Equal([LedgerEntryKind.CourseCompleted, LedgerEntryKind.CourseEpisode, LedgerEntryKind.CourseEpisode], ledger.Select(e => e.Kind));
        Assert.Equal($"course-completed:{course.CourseId}", ledger[0].Reference);
    }

    [Fact]
    public async Task TheEpisodeDailyCapStopsPointsOnTheSeventhEpisodeAndTheNextDayTheyFlowAgain()
    {
        MoveToParkMorning();
        var (viewer, _) = await ViewerAsync(60, 60, 60, 60, 60, 60, 60, 60);

        var awards = new List<AwardResult?>();
        for (var episode = 1; episode <= 7; episode++)
        {
            awards.Add((await viewer.PlayAsync($"e{episode}", 0, 60)).Single(r => r.EpisodeAward is not null).EpisodeAward);
        }

        var seventhAgain = await viewer.PlayAsync("e7", 0, 60);
        fixture.Time.Advance(TimeSpan.FromDays(1));
        var nextDay = await viewer.PlayAsync("e8", 0, 60);
        var seventhNextDay = await viewer.PlayAsync("e7", 0, 60);

        Assert.All(awards.Take(6), a => Assert.Equal(1, a!.PointsAwarded));
        Assert.Equal(0, awards[6]!.PointsAwarded);
        Assert.Null(awards[6]!.Entry);
        Assert.Equal(6, awards[6]!.DailyCap);
        Assert.True(seventhAgain[^1].Watched);
        Assert.Equal(1, nextDay[^1].EpisodeAward?.PointsAwarded);
        Assert.Equal(5, nextDay[^1].CourseAward?.PointsAwarded);
        Assert.All(seventhNextDay, r => Assert.Null(r.EpisodeAward));
        Assert.Equal(6 + 1 + 5, await viewer.BalanceAsync());
    }

    [Fact]
    public async Task ARetriedReportWithTheSameKeyReturnsTheFirstResult()
    {
        var (viewer, _) = await ViewerAsync(60, 60);
        await viewer.PlayAsync("e1", 0, 30);
        fixture.Time.Advance(TimeSpan.FromSeconds(30));

        var first = await viewer.ReportAsync("e1", 60, "watched-key");
        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        var retry = await viewer.ReportAsync("e1", 60, "watched-key");
        var reused = await Assert.ThrowsAsync<EngagementException>(() => viewer.ReportAsync("e1", 0, "watched-key"));

        Assert.Equal(1, first.EpisodeAward?.PointsAwarded);
        Assert.Equal(first, retry);
        Assert.Equal(ErrorReasons.IdempotencyKeyReused, reused.Reason);
        Assert.Equal(1, await viewer.BalanceAsync());
        Assert.Single(await viewer.LedgerAsync());
    }

    [Fact]
    public async Task AnUnverifiedMembersReportsAreRefusedAndStoreNothing()
    {
        var org = await new Org(_grains).CreateAsync();
        var course = await CourseViewer.CreateCourseAsync(_grains, org, 60, 60);
        var member = await org.MemberAsync(verified: false);
        var viewer = new CourseViewer(_grains, fixture.Time, member, course.CourseId);

        var refused = await Assert.ThrowsAsync<EngagementException>(() => viewer.ReportAsync("e1", 0, "k"));
        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAsync<EngagementException>(() => viewer.ReportAsync("e1", 30));
        await member.VerifyAsync(org.Secretary, Org.Next("k"));
        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        var afterVerification = await viewer.ReportAsync("e1", 60, "k");

        Assert.Equal(ErrorKind.FailedPrecondition, refused.Kind);
        Assert.Equal(ErrorReasons.MemberNotVerified, refused.Reason);
        // Nothing was stored: not the anchors (so 0..60 is not covered) and not the refused key.
        Assert.Equal(0, afterVerification.CoveredSeconds);
        Assert.Equal(60, afterVerification.DurationSeconds);
        Assert.Equal(0, await viewer.BalanceAsync());
    }

    private async Task<(CourseViewer Viewer, CourseInfo Course)> ViewerAsync(params int[] durations)
    {
        var org = await new Org(_grains).CreateAsync();
        var course = await CourseViewer.CreateCourseAsync(_grains, org, durations);
        return (new CourseViewer(_grains, fixture.Time, await org.MemberAsync(), course.CourseId), course);
    }

    /// <summary>Moves the clock to the next 10:00 in Shanghai, so a test's reports stay on one park-local day.</summary>
    private void MoveToParkMorning()
    {
        var now = fixture.Time.GetUtcNow();
        var morning = new DateTimeOffset(now.Year, now.Month, now.Day, 2, 0, 0, TimeSpan.Zero);
        fixture.Time.Advance((morning > now ? morning : morning.AddDays(1)) - now);
    }
}
