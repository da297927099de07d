namespace Engagement.Tests;

public sealed class WatchCoverageTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SpansThatOverlapOrTouchAreJoinedAndOthersKeptInOrder()
    {
        IReadOnlyList<CoveredSpan> spans = [new(0, 10), new(20, 30), new(50, 60)];

        var joined = WatchCoverage.Merge(spans, new CoveredSpan(10, 25));
        var apart = WatchCoverage.Merge(spans, new CoveredSpan(35, 40));

        Assert.Equal([new CoveredSpan(0, 30), new CoveredSpan(50, 60)], joined);
        Assert.Equal([new CoveredSpan(0, 10), new CoveredSpan(20, 30), new CoveredSpan(35, 40), new CoveredSpan(50, 60)], apart);
    }

    [Fact]
    public void TheFirstReportOnlySetsTheAnchor()
    {
        var (track, added) = WatchCoverage.Report(EpisodeTrack.Empty, 120, T0);

        Assert.Equal(0, added);
        Assert.Empty(track.Covered);
        Assert.Equal((120, T0), (track.AnchorPosition, track.AnchorAt));
    }

    [Fact]
    public void ProgressWithinOneAndAHalfTimesRealTimePlusTwoSecondsCountsAndBeyondItDoesNot()
    {
        var (anchored, _) = WatchCoverage.Report(EpisodeTrack.Empty, 0, T0);

        var (atLimit, counted) = WatchCoverage.Report(anchored, 32, T0.AddSeconds(20));
        var (pastLimit, notCounted) = WatchCoverage.Report(anchored, 33, T0.AddSeconds(20));

        Assert.Equal(32, counted);
        Assert.Equal(32, atLimit.CoveredSeconds);
        Assert.Equal(0, notCounted);
        Assert.Equal((33, T0.AddSeconds(20)), (pastLimit.AnchorPosition, pastLimit.AnchorAt));
    }

    [Fact]
    public void WatchedNeedsTheExactPercentage()
    {
        Assert.False(WatchCoverage.IsWatched(959, 1200, 80));
        Assert.True(WatchCoverage.IsWatched(960, 1200, 80));
        Assert.Equal(79, WatchCoverage.Percent(959, 1200));
    }
}
