namespace Engagement.Tests;

[Collection(ClusterCollection.Name)]
public sealed class LeaderboardTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public void TheRankedSetAgreesWithSortingAfterThousandsOfRandomChanges()
    {
        var set = new RankedSet<BoardScore>(BoardOrder.Instance);
        var scores = new Dictionary<string, BoardScore>();
        var random = new Random(48);
        var start = DateTimeOffset.UnixEpoch;
        for (var i = 0; i < 5000; i++)
        {
            var id = $"m{random.Next(300)}";
            if (scores.Remove(id, out var old))
            {
                set.Remove(old);
            }

            var score = new BoardScore(id, (old?.Score ?? 0) + random.Next(-3, 10), start.AddSeconds(random.Next(1000)));
            scores[id] = score;
            set.Add(score);
        }

        var sorted = scores.Values.Order(BoardOrder.Instance).ToList();
        Assert.Equal(sorted.Count, set.Count);
        Assert.Equal(sorted, set.Range(0, set.Count));
        Assert.All(sorted.Select((s, i) => (s, i)), x => Assert.Equal(x.i, set.CountBefore(x.s)));
    }

    [Fact]
    public async Task HigherScoresRankFirstAndTiesGoToWhoeverReachedTheScoreFirst()
    {
        var org = await new Org(_grains).CreateAsync();
        var board = _grains.Board<ILeaderboardGrain>(BoardKeys.Key(BoardScope.BranchMembers, org.Branch, "all"));
        var t = fixture.Time.GetUtcNow();
        await board.ApplyAsync(Earned("carol", 5, t.AddMinutes(2)));
        await board.ApplyAsync(Earned("alice", 5, t.AddMinutes(1)));
        await board.ApplyAsync(Earned("bob", 9, t.AddMinutes(3)));
        await board.ApplyAsync(Earned("dave", 5, t.AddMinutes(1)));
        await board.ApplyAsync(Earned("dave", 5, t.AddMinutes(1)));

        var page = await board.TopAsync(org.Admin, 0, 10);
        var second = await board.TopAsync(org.Admin, 2, 2);
        var around = await board.AroundAsync(org.Admin, "dave", 1);

        Assert.Equal(["bob", "alice", "dave", "carol"], page.Entries.Select(e => e.MemberId));
        Assert.Equal([1L, 2, 3, 4], page.Entries.Select(e => e.Rank));
        Assert.Equal(["dave", "carol"], second.Entries.Select(e => e.MemberId));
        Assert.Equal(3, around.Entry!.Rank);
        Assert.Equal(["alice"], around.Above.Select(e => e.MemberId));
        Assert.Equal(["carol"], around.Below.Select(e => e.MemberId));
    }

    [Fact]
    public async Task PointsFlowFromTheLedgerToEveryBoardOfTheMemberButSpendingDoesNotLowerTheRank()
    {
        var org = await new Org(_grains).CreateAsync();
        var shop = await new Shop(_grains, org).OpenAsync(cost: 3);
        var (member, me) = await shop.CustomerAsync(4);
        await member.CheckInAsync(me, "k");
        var spent = await shop.StartAsync(me);
        await shop.Redemption(spent).ConfirmAsync(shop.Staff, shop.MerchantId, null, "c");

        var day = BoardKeys.PeriodKey(BoardPeriod.Day, ParkClock.DayOf(fixture.Time.GetUtcNow(), ParkClock.DefaultTimeZone));
        foreach (var key in new[]
        {
            BoardKeys.Key(BoardScope.BranchMembers, org.Branch, day),
            BoardKeys.Key(BoardScope.CommitteeMembers, org.Committee, "all"),
            BoardKeys.Key(BoardScope.ParkMembers, org.Park, day),
        })
        {
            var score = await Poll.UntilAsync(async () => (await _grains.Board<ILeaderboardGrain>(key).AroundAsync(me, member.GetPrimaryKeyString(), 0)).Entry?.Score, 5L);
            Assert.Equal(5, score);
        }
    }

    [Fact]
    public async Task PointsEarnedBetweenRedemptionsAllReachTheBoardsThoughSpendingNeverDoes()
    {
        var org = await new Org(_grains).CreateAsync();
        var shop = await new Shop(_grains, org).OpenAsync(cost: 3);
        var (member, me) = await shop.CustomerAsync(4);
        var id = member.GetPrimaryKeyString();
        await shop.Redemption(await shop.StartAsync(me)).ConfirmAsync(shop.Staff, shop.MerchantId, null, "c1");
        await member.AdjustAsync(org.Admin, 2, "between", "a");
        await shop.Redemption(await shop.StartAsync(me)).ConfirmAsync(shop.Staff, shop.MerchantId, null, "c2");
        await member.AdjustAsync(org.Admin, 5, "after", "b");
        await shop.Redemption(await shop.StartAsync(me)).ConfirmAsync(shop.Staff, shop.MerchantId, null, "c3");

        var day = BoardKeys.PeriodKey(BoardPeriod.Day, ParkClock.DayOf(fixture.Time.GetUtcNow(), ParkClock.DefaultTimeZone));
        foreach (var key in new[]
        {
            BoardKeys.Key(BoardScope.BranchMembers, org.Branch, day),
            BoardKeys.Key(BoardScope.CommitteeMembers, org.Committee, "all"),
            BoardKeys.Key(BoardScope.ParkMembers, org.Park, day),
        })
        {
            var board = _grains.Board<ILeaderboardGrain>(key);
            Assert.Equal(11L, await Poll.UntilAsync(async () => (await board.AroundAsync(me, id, 0)).Entry?.Score, 11L));
            // Synced: the spending the boards never saw (the last entry is one) is not mistaken for lost events.
            Assert.Equal(0, await board.ReconcileAsync());
            Assert.Equal(11L, (await board.AroundAsync(me, id, 0)).Entry?.Score);
        }
    }

    [Fact]
    public void TheLedgerTellsTheBoardsWhichRankedEntryCameBeforeSoSkippedSpendingIsNotAGap()
    {
        var at = DateTimeOffset.UnixEpoch;
        LedgerEntry Entry(long sequence, LedgerEntryKind kind) => new("m", sequence, 1, kind, "r", $"k{sequence}", at, sequence);
        var fresh = new MemberState();
        var afterSpending = new MemberState { Tail = [Entry(1, LedgerEntryKind.CheckIn), Entry(2, LedgerEntryKind.Redemption), Entry(3, LedgerEntryKind.Refund)] };
        var onlySpendingSinceSealing = new MemberState { SealedPages = 1, Tail = [Entry(101, LedgerEntryKind.Redemption)] };

        Assert.Equal(0, new MemberLedger("m", fresh, _grains).PreviousRanked(1));
        Assert.Equal(1, new MemberLedger("m", afterSpending, _grains).PreviousRanked(4));
        Assert.Equal(1, new MemberLedger("m", afterSpending, _grains).PreviousRanked(2));
        Assert.Null(new MemberLedger("m", onlySpendingSinceSealing, _grains).PreviousRanked(102));
    }

    [Fact]
    public async Task ABoardThatMissedEventsReadsThemFromTheMembersLedgerAndNeverCountsOneTwice()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var id = member.GetPrimaryKeyString();
        await member.AdjustAsync(org.Admin, 2, "a", "a");
        await member.AdjustAsync(org.Admin, 3, "b", "b");
        var third = (await member.AdjustAsync(org.Admin, 4, "c", "c")).Entry!;
        // A park board the stream never fed (another park's) stands in for a board whose events were lost.
        var elsewhere = await new Org(_grains).CreateAsync();
        var board = _grains.Board<ILeaderboardGrain>(BoardKeys.Key(BoardScope.ParkMembers, elsewhere.Park, "all"));

        await board.ApplyAsync(third);
        await board.ApplyAsync(third);
        var standing = await board.AroundAsync(elsewhere.Admin, id, 0);

        Assert.Equal(9, standing.Entry!.Score);
        Assert.Equal(third.CreatedAt, standing.Entry.ReachedAt);
    }

    [Fact]
    public async Task ReconcilesRunningWhileTheFeedDeliversCountEveryEntryExactlyOnce()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var id = member.GetPrimaryKeyString();
        var entries = new List<LedgerEntry>();
        for (var i = 1; i <= 30; i++)
        {
            entries.Add((await member.AdjustAsync(org.Admin, i, $"r{i}", $"k{i}")).Entry!);
        }

        // A board this park's stream never fed: the test plays the feed, in a shuffled order, with reconciles racing it.
        var elsewhere = await new Org(_grains).CreateAsync();
        var board = _grains.Board<ILeaderboardGrain>(BoardKeys.Key(BoardScope.ParkMembers, elsewhere.Park, "all"));
        var feed = entries.OrderBy(_ => Random.Shared.Next()).Select(e => board.ApplyAsync(e, e.Sequence - 1));
        var reconciles = Enumerable.Range(0, 5).Select(_ => board.ReconcileAsync());
        await Task.WhenAll(feed.Concat(reconciles));

        var page = await board.TopAsync(elsewhere.Admin, 0, 10);
        Assert.Equal(465, Assert.Single(page.Entries).Score); // 1 + 2 + … + 30, each once
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public async Task AReconcileLeavesASyncedBoardAloneAndAgreesWithTheLedger()
    {
        var org = await new Org(_grains).CreateAsync();
        var quiet = await org.MemberAsync();
        await quiet.AdjustAsync(org.Admin, 7, "补录", "a");
        // Once the stream delivered everything, a reconcile finds nothing to repair; a board that nobody asked for yet
        // (it was never activated by an event of this member) is filled from the ledger by a reconcile.
        var committeeBoard = _grains.Board<ILeaderboardGrain>(BoardKeys.Key(BoardScope.CommitteeMembers, org.Committee, "all"));
        await Poll.UntilAsync(async () => (await committeeBoard.AroundAsync(org.Admin, quiet.GetPrimaryKeyString(), 0)).Entry?.Score, 7L);

        var repairedWhenSynced = await committeeBoard.ReconcileAsync();
        var yearBoard = _grains.Board<ILeaderboardGrain>(BoardKeys.Key(BoardScope.BranchMembers, org.Branch,
            BoardKeys.PeriodKey(BoardPeriod.Year, ParkClock.DayOf(fixture.Time.GetUtcNow(), ParkClock.DefaultTimeZone))));
        await yearBoard.ReconcileAsync();

        Assert.Equal(0, repairedWhenSynced);
        Assert.Equal(7, (await yearBoard.AroundAsync(org.Admin, quiet.GetPrimaryKeyString(), 0)).Entry?.Score);
    }

    [Fact]
    public async Task ATransferredMembersPointsCountForTheNewBranchFromTheMoveOnAndStayWithTheOldOneBefore()
    {
        var org = await new Org(_grains).CreateAsync();
        var to = Org.Next("br");
        await _grains.GetGrain<IBranchGrain>(to).CreateAsync(org.Admin, org.Committee, "二支部", "k");
        var member = await org.MemberAsync();
        var id = member.GetPrimaryKeyString();
        await member.AdjustAsync(org.Secretary, 5, "before", "a");
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var transfers = _grains.GetGrain<IMemberTransferGrain>(id);
        await transfers.RequestAsync(org.Secretary, to, "t");
        await transfers.DecideAsync(Org.As("sec2", new RoleGrant(Role.Secretary, to)), accept: true, "d");
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await member.AdjustAsync(org.Admin, 3, "after", "b");

        var oldBoard = _grains.Board<ILeaderboardGrain>(BoardKeys.Key(BoardScope.BranchMembers, org.Branch, "all"));
        var newBoard = _grains.Board<ILeaderboardGrain>(BoardKeys.Key(BoardScope.BranchMembers, to, "all"));
        var committee = _grains.Board<ILeaderboardGrain>(BoardKeys.Key(BoardScope.CommitteeMembers, org.Committee, "all"));
        var atNew = await Poll.UntilAsync(async () => (await newBoard.AroundAsync(org.Admin, id, 0)).Entry?.Score, 3L);
        await oldBoard.ReconcileAsync();
        var atOld = (await oldBoard.AroundAsync(org.Admin, id, 0)).Entry?.Score;
        var inCommittee = await Poll.UntilAsync(async () => (await committee.AroundAsync(org.Admin, id, 0)).Entry?.Score, 8L);

        Assert.Equal(3, atNew);
        Assert.Equal(5, atOld);
        Assert.Equal(8, inCommittee);
    }

    [Fact]
    public async Task OnlyTheBoardsAudienceReadsIt()
    {
        var org = await new Org(_grains).CreateAsync();
        var other = await new Org(_grains).CreateAsync();
        var outsider = await other.MemberAsync();
        var insider = await org.MemberAsync();
        var board = _grains.Board<ILeaderboardGrain>(BoardKeys.Key(BoardScope.ParkMembers, org.Park, "all"));

        var denied = await Assert.ThrowsAsync<EngagementException>(() => board.TopAsync(Org.MemberCaller(outsider.GetPrimaryKeyString()), 0, 10));
        var secretaryOfOtherBranch = await Assert.ThrowsAsync<EngagementException>(() =>
            _grains.Board<ILeaderboardGrain>(BoardKeys.Key(BoardScope.BranchMembers, org.Branch, "all")).TopAsync(other.Secretary, 0, 10));
        var page = await board.TopAsync(Org.MemberCaller(insider.GetPrimaryKeyString()), 0, 10);

        // Callers of another park have no role in this one: its boards are unknown to them.
        Assert.Equal((ErrorKind.NotFound, ErrorReasons.ParkNotFound), (denied.Kind, denied.Reason));
        Assert.Equal((ErrorKind.NotFound, ErrorReasons.BranchNotFound), (secretaryOfOtherBranch.Kind, secretaryOfOtherBranch.Reason));
        Assert.NotNull(page);
    }

    private static LedgerEntry Earned(string memberId, long points, DateTimeOffset at) =>
        new(memberId, Sequence: 1, points, LedgerEntryKind.Adjustment, "test", "k", at, points);
}
