using Engagement.V1;

namespace Engagement.EndToEnd;

[Collection(PostgresCollection.Name)]
public sealed class ClusterBoardTests(PostgresFixture fixture)
{
    [Fact]
    public async Task BoardsFillFromThePointsStreamOnATwoSiloPostgresCluster()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        var keys = Directory.CreateTempSubdirectory("engagement-boards-").FullName;
        string[] postgres = ["--Engagement:Storage:Provider=postgres", $"--Engagement:Storage:ConnectionString={connectionString}", "--Engagement:Cluster:ClusterId=boards"];
        await using var a = await TestNode.StartAsync(keys, extraArgs: postgres);
        await using var b = await TestNode.StartAsync(keys, extraArgs: postgres);
        var seed = await Seed.CreateAsync(a);
        var viaB = Seed.Reattach(seed, b.Channel, b.Key);
        var members = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var (id, _) = await seed.MemberAsync();
            await (i % 2 == 0 ? seed : viaB).Admin.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = id, Amount = i + 1, Reason = "学习", IdempotencyKey = "k" });
            members.Add(id);
        }

        var board = await Eventually.SucceedsAsync(async () =>
        {
            var page = await viaB.Admin.Leaderboards.GetLeaderboardAsync(new GetLeaderboardRequest { Scope = LeaderboardScope.ParkMembers, ScopeId = seed.Park, Period = LeaderboardPeriod.All });
            return page.Total == members.Count ? page : throw new InvalidOperationException($"{page.Total} of {members.Count} on the board");
        }, TimeSpan.FromSeconds(20), "the park board filling on a cluster");

        Assert.Equal(Enumerable.Range(1, 6).Reverse().Select(i => (long)i), board.Entries.Select(e => e.Score));
        Assert.Equal(members[5], board.Entries[0].MemberId);
    }
}
