using Engagement.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.EndToEnd;

[Collection(PostgresCollection.Name)]
public sealed class PostgresTests(PostgresFixture fixture)
{
    [Fact]
    public async Task AcknowledgedCheckInsSurviveAKillOfANodeOnPostgres()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        var directory = Directory.CreateTempSubdirectory("engagement-pgkill-").FullName;
        try
        {
            await Durability.AcknowledgedCheckInsSurviveAKillAsync(new NodeSettings(directory, NodeArgs(connectionString, "kill")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task ThePostgresProviderHonoursVersionsAndClearsAndTheSchemaReapplies()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        var keys = Directory.CreateTempSubdirectory("engagement-pgstore-").FullName;
        await using var node = await TestNode.StartAsync(keys, extraArgs: NodeArgs(connectionString, "store"));
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(connectionString);

        var again = await Engagement.Silo.DatabaseSchema.ApplyAsync(dataSource, "postgres");

        Assert.Equal(1, again);
        await StorageContract.VerifyAsync(node.App.Services);
    }

    [Fact]
    public async Task TwoSilosOnPostgresClusteringServeEachOthersGrains()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        var keys = Directory.CreateTempSubdirectory("engagement-cluster-").FullName;
        await using var a = await TestNode.StartAsync(keys, extraArgs: NodeArgs(connectionString, "two"));
        await using var b = await TestNode.StartAsync(keys, extraArgs: NodeArgs(connectionString, "two"));
        var siloA = a.App.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var siloB = b.App.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var management = a.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        await Eventually.SucceedsAsync(async () =>
            (await management.GetHosts(onlyActive: true)).Count == 2 ? true : throw new InvalidOperationException("one silo"),
            TimeSpan.FromSeconds(60), "Both silos joining the cluster");

        // Register members through B, find where each grain lives, then call each through the *other* silo's gateway.
        var seed = await Seed.CreateAsync(b);
        var members = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            members.Add((await seed.MemberAsync()).Id);
        }

        var before = await HostsOf(management, members);
        Assert.All(members, id => Assert.Single(before[id]));
        foreach (var id in members)
        {
            var host = before[id][0];
            var (through, other) = host.Equals(siloA) ? (b, a) : (a, b);
            var member = Seed.Reattach(seed, through.Channel, through.Key).As(id, new RoleGrant(Role.Member, id));
            var checkIn = await member.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "cross" });
            var balance = await Seed.Reattach(seed, other.Channel, other.Key).As(id, new RoleGrant(Role.Member, id)).Points.GetBalanceAsync(new GetBalanceRequest());

            Assert.Equal(1, checkIn.PointsAwarded);
            Assert.Equal(1, balance.Balance);
        }

        var after = await HostsOf(management, members);
        Assert.All(members, id => Assert.Equal(before[id], after[id]));
        Assert.NotEqual(siloA, siloB);
    }

    [Fact]
    public async Task AStandaloneGatewayServesTheClusterAsAnOrleansClient()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        var keys = Directory.CreateTempSubdirectory("engagement-gw-").FullName;
        await using var silo = await TestNode.StartAsync(keys, extraArgs: NodeArgs(connectionString, "gw"));
        var grpcPort = FreePorts.Next();
        await using var gateway = Engagement.Gateway.GatewayHost.Build(
        [
            $"--Engagement:DataDirectory={keys}",
            $"--Engagement:Gateway:GrpcPort={grpcPort}",
            "--Engagement:Gateway:HttpPort=-1",
            "--Logging:LogLevel:Default=Warning",
            .. NodeArgs(connectionString, "gw"),
        ]);
        await gateway.StartAsync();
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");

        var seed = await Seed.CreateAsync(channel, silo.Key);
        var (id, member) = await seed.MemberAsync();
        var checkIn = await member.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "via-gateway" });
        var viaSilo = await Seed.Reattach(seed, silo.Channel, silo.Key).As(id, new RoleGrant(Role.Member, id)).Points.GetBalanceAsync(new GetBalanceRequest());

        Assert.Equal(1, checkIn.Balance);
        Assert.Equal(1, viaSilo.Balance);
        await gateway.StopAsync();
    }

    /// <summary>The silos hosting each member's activation, from the cluster's own bookkeeping.</summary>
    private static async Task<Dictionary<string, List<SiloAddress>>> HostsOf(IManagementGrain management, List<string> members)
    {
        var activations = await management.GetDetailedGrainStatistics();
        return members.ToDictionary(id => id, id => activations
            .Where(s => s.GrainId.Type.ToString() == "member" && s.GrainId.Key.ToString() == id)
            .Select(s => s.SiloAddress).ToList());
    }

    /// <summary>A node's configuration for this database, in cluster <paramref name="cluster"/>.</summary>
    internal static string[] NodeArgs(string connectionString, string cluster) =>
    [
        "--Engagement:Storage:Provider=postgres",
        $"--Engagement:Storage:ConnectionString={connectionString}",
        $"--Engagement:Cluster:ClusterId={cluster}",
    ];
}
