using Engagement.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.EndToEnd;

/// <summary>
/// A board that was collected while it was in sync with the ledgers, in a cluster that did not change since, comes
/// back without waking every member of its scope; after a restart (the cluster changed) it compares itself again.
/// </summary>
public sealed class BoardResumeTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    /// <summary>Longer than a new board's first comparison (5 s), so boards are in sync before they are collected.</summary>
    private static readonly string[] Collection = ["--Engagement:Grains:CollectionAge=00:00:15", "--Engagement:Grains:CollectionQuantum=00:00:01"];

    [Fact]
    public async Task ACollectedBoardComesBackWithoutWakingItsMembersUntilTheClusterChanges()
    {
        var directory = Directory.CreateTempSubdirectory("engagement-board-resume-").FullName;
        var node = await TestNode.StartAsync(directory, extraArgs: Collection);
        try
        {
            var flow = await LiveFlow.SeedAsync(node.Channel, node.Key);
            await flow.AwardAsync(() => node.Channel, node.Key, 10);
            await flow.BoardsEqualLedgersAsync(node.Channel, node.Key, Deadline);
            await CollectedAsync(node);

            // Every board comes back (read, and equal to the ledgers); no member grain is woken by them. A board's first
            // look at whether to compare itself comes 1 s after its activation: three seconds of members staying
            // asleep after all fifteen answered covers it with room to spare.
            var ledgers = await flow.LedgersAsync(node.Channel, node.Key); // reading ledgers wakes the members: let them sleep again
            await CollectedAsync(node);
            await BoardsShowAsync(flow, node, ledgers);
            Assert.Equal(0, await ActivationsAsync(node, IsMember));
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(3);
            while (DateTime.UtcNow < deadline)
            {
                Assert.Equal(0, await ActivationsAsync(node, IsMember));
                await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
            }

            // A restart is a new silo in the cluster: the boards it brings back compare themselves with every member.
            await CollectedAsync(node);
            await node.DisposeAsync();
            node = await TestNode.StartAsync(directory, extraArgs: Collection);
            await BoardsShowAsync(flow, node, ledgers);
            await Eventually.SucceedsAsync(async () =>
            {
                var members = await ActivationsAsync(node, IsMember);
                return members >= flow.Members.Count ? true : throw new InvalidOperationException($"{members} member grains active");
            }, Deadline, "the boards' comparison with every member after the restart");
        }
        finally
        {
            await node.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The member grain's class (the statistics name it with its assembly): not the members' history grains.</summary>
    internal static bool IsMember(string grainType) => grainType.Contains("MemberGrain", StringComparison.Ordinal);

    private static bool IsBoardOrMember(string grainType) => IsMember(grainType) || grainType.Contains("Leaderboard", StringComparison.Ordinal);

    /// <summary>Every member board (3 scopes × 5 periods) shows the ledgers' totals; reads boards only.</summary>
    private static async Task BoardsShowAsync(LiveFlow flow, TestNode node, Dictionary<string, List<V1.LedgerEntry>> ledgers)
    {
        var admin = Seed.Reattach(flow.Seed, node.Channel, node.Key).Admin;
        foreach (var scope in new[] { LeaderboardScope.BranchMembers, LeaderboardScope.CommitteeMembers, LeaderboardScope.ParkMembers })
        {
            foreach (var period in new[] { LeaderboardPeriod.Day, LeaderboardPeriod.Week, LeaderboardPeriod.Month, LeaderboardPeriod.Year, LeaderboardPeriod.All })
            {
                var board = await admin.Leaderboards.GetLeaderboardAsync(new GetLeaderboardRequest { Scope = scope, ScopeId = flow.ScopeId(scope), Period = period, PageSize = 100 });
                var expected = LiveFlow.Expected(ledgers, period, board.PeriodKey);
                Assert.Equal(expected.OrderBy(e => e.Key), board.Entries.ToDictionary(e => e.MemberId, e => e.Score).OrderBy(e => e.Key));
            }
        }
    }

    /// <summary>Waits until no board and no member grain is active (collected, their state written out).</summary>
    private static Task<bool> CollectedAsync(TestNode node) =>
        Eventually.SucceedsAsync(async () =>
        {
            var live = await ActivationsAsync(node, IsBoardOrMember);
            return live == 0 ? true : throw new InvalidOperationException($"{live} boards and members active");
        }, Deadline, "boards and members collected");

    internal static async Task<int> ActivationsAsync(TestNode node, Func<string, bool> ofType)
    {
        var management = node.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        return (await management.GetSimpleGrainStatistics()).Where(s => ofType(s.GrainType)).Sum(s => s.ActivationCount);
    }
}
