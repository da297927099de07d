using Engagement.V1;
using Grpc.Core;

namespace Engagement.EndToEnd;

/// <summary>A silo dies while points flow: nothing acknowledged is lost or doubled, and every board converges.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterKillTests(PostgresFixture fixture)
{
    [Fact]
    public async Task AfterASiloIsKilledWhilePointsFlowEveryBalanceAndEveryBoardConvergesToTheExactTotals()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        var directory = Directory.CreateTempSubdirectory("engagement-3silo-").FullName;
        string[] postgres = ["--Engagement:Storage:Provider=postgres", $"--Engagement:Storage:ConnectionString={connectionString}", "--Engagement:Cluster:ClusterId=three"];
        var settings = Enumerable.Range(0, 3).Select(_ => new NodeSettings(directory, postgres)).ToList();
        var nodes = new List<NodeProcess>();
        try
        {
            foreach (var setting in settings)
            {
                nodes.Add(await NodeProcess.StartAsync(setting));
            }

            var seed = await Seed.CreateAsync(nodes[0].Channel, settings[0].Key);
            var members = new List<string>();
            for (var i = 0; i < 8; i++)
            {
                members.Add((await seed.MemberAsync()).Id);
            }

            const int rounds = 8;
            var alive = new List<NodeProcess>(nodes);
            for (var round = 0; round < rounds; round++)
            {
                if (round == 3)
                {
                    nodes[2].Kill();
                    alive.Remove(nodes[2]);
                }

                await Task.WhenAll(members.Select((id, m) => AdjustUntilAcknowledgedAsync(seed, alive[(round + m) % alive.Count], settings[0], id, $"round-{round}")));
            }

            var api = Seed.Reattach(seed, nodes[0].Channel, settings[0].Key);
            foreach (var id in members)
            {
                Assert.Equal(rounds, (await api.Admin.Points.GetBalanceAsync(new GetBalanceRequest { MemberId = id })).Balance);
            }

            await Eventually.SucceedsAsync(async () =>
            {
                var board = await api.Admin.Leaderboards.GetLeaderboardAsync(new GetLeaderboardRequest
                {
                    Scope = LeaderboardScope.ParkMembers, ScopeId = seed.Park, Period = LeaderboardPeriod.All, PageSize = 100,
                });
                return board.Total == members.Count && board.Entries.All(e => e.Score == rounds) ? true
                    : throw new InvalidOperationException(string.Join(", ", board.Entries.Select(e => $"{e.MemberId}={e.Score}")));
            }, TimeSpan.FromSeconds(90), "the park board converging to the ledger");
            var report = await api.Admin.Points.CheckLedgerConsistencyAsync(new CheckLedgerConsistencyRequest { ParkId = seed.Park });
            Assert.Empty(report.Differences);
            // Analytics lost what the dead silo held in memory too; the first read reconciles with the ledgers.
            var analytics = (await api.Admin.Analytics.GetBranchAnalyticsAsync(new GetBranchAnalyticsRequest { BranchId = seed.Branch })).Analytics;
            Assert.Equal(rounds * members.Count, analytics.PointsAdjusted);
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

    /// <summary>A client that retries with the same key until the platform acknowledges (as the app does).</summary>
    private static Task AdjustUntilAcknowledgedAsync(Seed seed, NodeProcess node, NodeSettings settings, string memberId, string key) =>
        Eventually.SucceedsAsync(async () =>
        {
            var admin = Seed.Reattach(seed, node.Channel, settings.Key).Admin;
            try
            {
                return await admin.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = memberId, Amount = 1, Reason = "flow", IdempotencyKey = key },
                    deadline: DateTime.UtcNow.AddSeconds(10));
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.PermissionDenied or StatusCode.InvalidArgument or StatusCode.FailedPrecondition)
            {
                throw new InvalidOperationException("a refusal is not an outage", e);
            }
        }, TimeSpan.FromSeconds(90), $"adjusting {memberId} ({key})");
}
