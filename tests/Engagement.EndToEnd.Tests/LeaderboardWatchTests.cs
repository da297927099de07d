using Engagement.Gateway;
using Engagement.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.EndToEnd;

[Collection(NodeCollection.Name)]
public sealed class LeaderboardWatchTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    [Fact]
    public async Task LeadersWatchingABoardSeeAChangeAtOnceThroughOneSharedSubscription()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, member) = await seed.MemberAsync();
        var leader = seed.As("leader", new RoleGrant(Role.CommitteeLeader, seed.Committee));
        var request = new WatchLeaderboardRequest { Scope = LeaderboardScope.BranchMembers, ScopeId = seed.Branch, Period = LeaderboardPeriod.All, Top = 10 };
        var ct = TestContext.Current.CancellationToken;
        using var first = leader.Leaderboards.WatchLeaderboard(request, cancellationToken: ct);
        using var second = leader.Leaderboards.WatchLeaderboard(request, cancellationToken: ct);
        Assert.True(await first.ResponseStream.MoveNext(ct));
        Assert.True(await second.ResponseStream.MoveNext(ct));
        var snapshot = first.ResponseStream.Current;
        var hub = Node.App.Services.GetRequiredService<LiveHub>();

        await seed.Secretary.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = id, Amount = 6, Reason = "学习强国", IdempotencyKey = "k" });
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(5));
        Assert.True(await first.ResponseStream.MoveNext(deadline.Token));
        Assert.True(await second.ResponseStream.MoveNext(deadline.Token));
        var update = first.ResponseStream.Current;

        Assert.Empty(snapshot.Entries);
        Assert.True(update.Version > snapshot.Version);
        Assert.Equal((id, 6L, 1L), (update.Entries[0].MemberId, update.Entries[0].Score, update.Entries[0].Rank));
        Assert.Equal(update, second.ResponseStream.Current);
        Assert.True(hub.Watched >= 1);
        Assert.NotNull(member);
    }

    [Fact]
    public async Task AReconnectWithTheLastVersionSkipsTheUnchangedSnapshot()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, _) = await seed.MemberAsync();
        var ct = TestContext.Current.CancellationToken;
        var request = new WatchLeaderboardRequest { Scope = LeaderboardScope.BranchMembers, ScopeId = seed.Branch, Period = LeaderboardPeriod.All };
        // The version a client last saw: the update that followed an award, received live.
        WatchLeaderboardResponse seen;
        using (var first = seed.Secretary.Leaderboards.WatchLeaderboard(request, cancellationToken: ct))
        {
            Assert.True(await first.ResponseStream.MoveNext(ct));
            await seed.Secretary.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = id, Amount = 2, Reason = "a", IdempotencyKey = "a" });
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            do
            {
                Assert.True(await first.ResponseStream.MoveNext(timeout.Token));
            }
            while (first.ResponseStream.Current.Entries.Count == 0);
            seen = first.ResponseStream.Current;
        }

        var resumed = request.Clone();
        resumed.LastVersion = seen.Version;
        using var again = seed.Secretary.Leaderboards.WatchLeaderboard(resumed, cancellationToken: ct);
        await seed.Secretary.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = id, Amount = 3, Reason = "b", IdempotencyKey = "b" });
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(5));
        Assert.True(await again.ResponseStream.MoveNext(deadline.Token));

        Assert.True(again.ResponseStream.Current.Version > seen.Version);
        Assert.Equal(5, again.ResponseStream.Current.Entries[0].Score);
    }
}

/// <summary>Watches follow the park's calendar (a node of its own: the test moves its clock).</summary>
public sealed class LeaderboardPeriodWatchTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ADayWatchMovesToTheNewDayAtTheParksMidnightWithAMarkedSnapshotAndShowsItsAwards()
    {
        var node = await TestNode.StartAsync(); // 2026-11-23 09:00 in Shanghai
        try
        {
            var flow = await LiveFlow.SeedAsync(node.Channel, node.Key, members: 2);
            await flow.AwardAsync(() => node.Channel, node.Key, 2);
            using var watch = flow.Watch(node.Channel, node.Key, LeaderboardScope.BranchMembers, LeaderboardPeriod.Day);
            var yesterday = await watch.ShowsAsync(await flow.LedgersAsync(node.Channel, node.Key), LeaderboardPeriod.Day, Deadline);

            node.Time.Advance(TimeSpan.FromHours(15)); // 00:00 on the 24th in Shanghai
            var moved = await watch.UntilAsync(u => u.PeriodChanged, Deadline, "the move to the new day");
            await flow.AwardAsync(() => node.Channel, node.Key, 1);
            var today = await watch.ShowsAsync(await flow.LedgersAsync(node.Channel, node.Key), LeaderboardPeriod.Day, Deadline);

            Assert.Equal(("2026-11-23", 2), (yesterday.PeriodKey, yesterday.Entries.Count));
            Assert.Equal("2026-11-24", moved.PeriodKey);
            Assert.Empty(moved.Entries);
            Assert.Equal(("2026-11-24", 1), (today.PeriodKey, today.Entries.Count));
        }
        finally
        {
            await node.DisposeAsync();
            Directory.Delete(node.DataDirectory, recursive: true);
        }
    }
}
