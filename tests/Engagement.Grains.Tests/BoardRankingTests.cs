namespace Engagement.Tests;

/// <summary>The ranking alone: ordering, ties, sequence de-duplication, what counts, branch boards per member.</summary>
public sealed class BoardRankingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    private static LedgerEntry Entry(string member, long sequence, long amount, int secondsAfter = 0, LedgerEntryKind kind = LedgerEntryKind.Adjustment) =>
        new(member, sequence, amount, kind, "test", $"k{sequence}", T0.AddSeconds(secondsAfter), amount);

    private static bool All(LedgerEntry entry) => true;

    [Fact]
    public void HigherScoresRankFirstAndATieGoesToWhoReachedItFirstThenToTheSmallerId()
    {
        var ranking = new BoardRanking(new(StringComparer.Ordinal), BoardOrder.Instance);
        ranking.Apply("b", [Entry("b", 1, 10, secondsAfter: 5)], All);
        ranking.Apply("a", [Entry("a", 1, 10, secondsAfter: 5)], All);
        ranking.Apply("c", [Entry("c", 1, 10, secondsAfter: 1)], All);
        ranking.Apply("d", [Entry("d", 1, 30)], All);

        Assert.Equal(["d", "c", "a", "b"], ranking.Range(0, 10).Select(e => e.MemberId));
        Assert.Equal([1L, 2, 3, 4], ranking.Range(0, 10).Select(e => e.Rank));
        Assert.Equal(60, ranking.Total);
    }

    [Fact]
    public void AnEntryAppliedOnceIsNeverCountedAgainWhateverTheOrderOfArrival()
    {
        var ranking = new BoardRanking(new(StringComparer.Ordinal), BoardOrder.Instance);
        var first = ranking.Apply("m", [Entry("m", 1, 5), Entry("m", 2, 3)], All);
        var replayed = ranking.Apply("m", [Entry("m", 2, 3)], All);
        var late = ranking.Apply("m", [Entry("m", 1, 5)], All);
        var next = ranking.Apply("m", [Entry("m", 2, 3), Entry("m", 3, 4)], All);

        Assert.NotNull(first);
        Assert.True(first.Newcomer);
        Assert.Null(replayed);
        Assert.Null(late);
        Assert.False(next!.Newcomer);
        Assert.Equal((12L, 3L), (ranking.Range(0, 1)[0].Score, ranking.LastSequence("m")));
    }

    [Fact]
    public void EntriesThatDoNotCountAdvanceTheSequenceButNotTheScore()
    {
        var ranking = new BoardRanking(new(StringComparer.Ordinal), BoardOrder.Instance);
        ranking.Apply("m", [Entry("m", 1, 5)], All);
        var spent = ranking.Apply("m", [Entry("m", 2, -3, kind: LedgerEntryKind.Redemption)], e => e.Kind != LedgerEntryKind.Redemption);
        var skipped = ranking.Skip("m", 7);
        var skippedBack = ranking.Skip("m", 4);

        Assert.False(spent!.Counted);
        Assert.True(skipped);
        Assert.False(skippedBack);
        Assert.Equal((5L, 7L), (ranking.Range(0, 1)[0].Score, ranking.LastSequence("m")));
    }

    [Fact]
    public void AroundGivesTheNeighboursAndTheTopChangesOnlyWhenAnEntryInTheWatchedTopMoves()
    {
        var ranking = new BoardRanking(new(StringComparer.Ordinal), BoardOrder.Instance);
        for (var i = 0; i < LeaderboardWatch.TopSize + 10; i++)
        {
            ranking.Apply($"m{i:D3}", [Entry($"m{i:D3}", 1, 1000 - i)], All);
        }

        var belowTop = ranking.Apply("m105", [Entry("m105", 2, 1)], All);
        var intoTop = ranking.Apply("m109", [Entry("m109", 2, 500)], All);
        var around = ranking.Around("m050", 2);

        Assert.False(belowTop!.TopChanged);
        Assert.True(intoTop!.TopChanged);
        Assert.Equal(52, around!.Value.Entry.Rank); // m109 went to the top
        Assert.Equal(["m048", "m049"], around.Value.Above.Select(e => e.MemberId));
        Assert.Equal(["m051", "m052"], around.Value.Below.Select(e => e.MemberId));
        Assert.Null(ranking.Around("nobody", 2));
    }

    [Fact]
    public void BranchesRankByPointsPerMemberAndARepeatedReportChangesNothing()
    {
        var ranking = new BoardRanking(new(StringComparer.Ordinal), PerMemberOrder.Instance);
        ranking.SetBranch("big", 300, 150, T0);
        ranking.SetBranch("small", 30, 12, T0.AddSeconds(1));
        var repeated = ranking.SetBranch("small", 30, 12, T0.AddSeconds(9));
        var grown = ranking.SetBranch("big", 450, 150, T0.AddSeconds(2));

        Assert.Null(repeated);
        Assert.True(grown);
        Assert.Equal(["big", "small"], ranking.Range(0, 2).Select(e => e.MemberId)); // 3.0 against 2.5 per member
        Assert.Equal(480, ranking.Total);
    }

    [Fact]
    public void AMembersNameIsKeptWithTheirScoreAndOnlyANewerNameReplacesIt()
    {
        var ranking = new BoardRanking(new(StringComparer.Ordinal), BoardOrder.Instance);
        ranking.Apply("m", [Entry("m", 1, 5)], All, new MemberName("王小明", 0));
        var renamed = ranking.Rename("m", new MemberName("小明", 1));
        var stale = ranking.Apply("m", [Entry("m", 2, 1)], All, new MemberName("王小明", 0));
        var staleRename = ranking.Rename("m", new MemberName("王小明", 0));
        var unknown = ranking.Rename("x", new MemberName("路人", 3));

        Assert.True(renamed);
        Assert.Null(staleRename);
        Assert.Null(unknown);
        Assert.True(stale!.Counted);
        Assert.Equal(("小明", 6L), (ranking.Range(0, 1)[0].Name, ranking.Range(0, 1)[0].Score));
        Assert.Equal(1, ranking.Count);
    }

    [Fact]
    public void ANameArrivingWithANewEntryReplacesAnOlderOneAndTellsTheTop()
    {
        var ranking = new BoardRanking(new(StringComparer.Ordinal), BoardOrder.Instance);
        ranking.Apply("m", [Entry("m", 1, 5)], All);
        var named = ranking.Apply("m", [Entry("m", 2, -1, kind: LedgerEntryKind.Redemption)], e => e.Kind != LedgerEntryKind.Redemption, new MemberName("小红", 2));

        Assert.Equal((false, true), (named!.Counted, named.TopChanged));
        Assert.Equal("小红", ranking.Around("m", 0)!.Value.Entry.Name);
    }

    [Fact]
    public void ABranchKeepsItsNameWhenAReportCarriesNone()
    {
        var ranking = new BoardRanking(new(StringComparer.Ordinal), PerMemberOrder.Instance);
        ranking.SetBranch("b1", 10, 2, T0, "第一党支部");
        var unchanged = ranking.SetBranch("b1", 10, 2, T0);
        ranking.SetBranch("b1", 12, 2, T0);

        Assert.Null(unchanged);
        Assert.Equal(("第一党支部", 12L), (ranking.Range(0, 1)[0].Name, ranking.Range(0, 1)[0].Score));
    }
}
