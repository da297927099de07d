using Engagement.V1;
using Grpc.Net.Client;

namespace Engagement.EndToEnd;

/// <summary>A silo dies while points flow: nothing acknowledged is lost or doubled, every board converges, watches follow.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterKillTests(PostgresFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task AfterASiloIsKilledWhilePointsFlowEveryBalanceBoardAndWatchConvergesToTheExactTotals()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        var directory = Directory.CreateTempSubdirectory("engagement-3silo-").FullName;
        string[] postgres = ["--Engagement:Storage:Provider=postgres", $"--Engagement:Storage:ConnectionString={connectionString}", "--Engagement:Cluster:ClusterId=three"];
        var settings = Enumerable.Range(0, 3).Select(_ => new NodeSettings(directory, postgres)).ToList();
        var key = settings[0].Key;
        var nodes = new List<NodeProcess>();
        try
        {
            foreach (var setting in settings)
            {
                nodes.Add(await NodeProcess.StartAsync(setting));
            }

            var flow = await LiveFlow.SeedAsync(nodes[0].Channel, key, members: 8);
            // Watched through the gateway of a silo that survives; the board itself may live on the one that dies.
            using var old = flow.Watch(nodes[0].Channel, key, LeaderboardScope.ParkMembers, LeaderboardPeriod.All);
            await old.UntilAsync(_ => true, Deadline, "a snapshot");

            // Awards go round the alive gateways; each is retried with its key until acknowledged.
            var alive = new List<NodeProcess>(nodes);
            var turn = 0;
            GrpcChannel Next()
            {
                lock (alive)
                {
                    return alive[Interlocked.Increment(ref turn) % alive.Count].Channel;
                }
            }

            var flowing = flow.AwardAsync(Next, key, 40);
            await Eventually.SucceedsAsync(() => Task.FromResult(flow.Acknowledged >= 15 ? true : throw new InvalidOperationException($"{flow.Acknowledged} acknowledged")),
                Deadline, "awards flowing");
            lock (alive)
            {
                alive.Remove(nodes[2]);
            }

            nodes[2].Kill();
            await flowing;

            await LiveRestartTests.WatchesAndBoardsFollowNewAwardsAsync(flow, nodes[1].Channel, key, Deadline);
            var ledgers = await flow.LedgersAsync(nodes[0].Channel, key);
            await old.ShowsAsync(ledgers, LeaderboardPeriod.All, Deadline);
            // Analytics lost what the dead silo held in memory too; the first read reconciles with the ledgers.
            var admin = Seed.Reattach(flow.Seed, nodes[0].Channel, key).Admin;
            var analytics = (await admin.Analytics.GetBranchAnalyticsAsync(new GetBranchAnalyticsRequest { BranchId = flow.Seed.Branch })).Analytics;
            Assert.Equal(ledgers.Values.Sum(l => l.Sum(e => e.Amount)), analytics.PointsAdjusted);
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }

            Directory.Delete(directory, recursive: true);
        }
    }
}
