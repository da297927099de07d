using Engagement.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Engagement.EndToEnd;

/// <summary>
/// A rolling restart under load, as an operator upgrades a cluster: three PostgreSQL silos behind a standalone
/// gateway take awards and redemptions without pause while each silo in turn is stopped gracefully and started again,
/// then one is SIGKILLed. Nothing acknowledged is lost or doubled; balances equal ledgers; every board equals the
/// ledgers; a watch held through it all shows the final totals.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RollingRestartTests(PostgresFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task EachSiloRestartedInTurnThenOneKilledWhileWritesFlowLosesAndDoublesNothing()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        var directory = Directory.CreateTempSubdirectory("engagement-rolling-").FullName;
        string[] postgres = ["--Engagement:Storage:Provider=postgres", $"--Engagement:Storage:ConnectionString={connectionString}", "--Engagement:Cluster:ClusterId=rolling"];
        var settings = Enumerable.Range(0, 3).Select(_ => new NodeSettings(directory, postgres)).ToList();
        var key = settings[0].Key;
        var nodes = new List<NodeProcess>();
        var grpcPort = FreePorts.Next();
        Microsoft.AspNetCore.Builder.WebApplication? gateway = null;
        using var stop = new CancellationTokenSource();
        try
        {
            foreach (var setting in settings)
            {
                nodes.Add(await NodeProcess.StartAsync(setting));
            }

            gateway = Engagement.Gateway.GatewayHost.Build(
            [
                $"--Engagement:DataDirectory={directory}",
                $"--Engagement:Gateway:GrpcPort={grpcPort}",
                "--Engagement:Gateway:HttpPort=-1",
                "--Engagement:RateLimit:Enabled=false",
                "--Logging:LogLevel:Default=Warning",
                .. postgres,
            ]);
            await gateway.StartAsync(TestContext.Current.CancellationToken);
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");

            var flow = await LiveFlow.SeedAsync(channel, key, members: 8);
            // The counter and its customers are in a park of their own, so the award flow's boards hold its members only.
            var counter = await Counter.OpenAsync(await Seed.CreateAsync(channel, key), cost: 1, stock: 10_000);
            var customers = new List<(string Id, Api Api)>();
            for (var i = 0; i < 3; i++)
            {
                customers.Add(await counter.CustomerAsync(points: 5_000));
            }

            using var watch = flow.Watch(channel, key, LeaderboardScope.ParkMembers, LeaderboardPeriod.All);
            await watch.UntilAsync(_ => true, Deadline, "a snapshot");

            // Writers through the gateway only, each write retried with its key until acknowledged, as the apps do.
            var awarding = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await flow.AwardAsync(() => channel, key, 1);
                    await Task.Delay(10, CancellationToken.None); // a steady stream, not a flood that starves the restarts
                }
            }, TestContext.Current.CancellationToken);
            var redeemed = 0;
            var redeeming = Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var (_, customer) = customers[n % customers.Count];
                    var started = await Retry(() => customer.Redemptions.StartRedemptionAsync(
                        new StartRedemptionRequest { MerchantId = counter.MerchantId, ItemId = counter.ItemId, IdempotencyKey = $"r-{n}" }, deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync, $"start r-{n}");
                    await Retry(() => counter.Staff.Redemptions.ConfirmRedemptionAsync(
                        new ConfirmRedemptionRequest { MerchantId = counter.MerchantId, Code = started.Redemption.Code, IdempotencyKey = $"c-{n}" }, deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync, $"confirm r-{n}");
                    Interlocked.Increment(ref redeemed);
                }
            }, TestContext.Current.CancellationToken);

            async Task WritesGoOnAsync(string after)
            {
                var (awards, redemptions) = (flow.Acknowledged, Volatile.Read(ref redeemed));
                await Eventually.SucceedsAsync(() => Task.FromResult(flow.Acknowledged >= awards + 5 && Volatile.Read(ref redeemed) >= redemptions + 2 ? true
                    : throw new InvalidOperationException($"{flow.Acknowledged - awards} awards, {Volatile.Read(ref redeemed) - redemptions} redemptions since")), Deadline, $"writes going on after {after}");
            }

            await WritesGoOnAsync("the start");
            for (var i = 0; i < nodes.Count; i++)
            {
                var failedBefore = flow.FailedAttempts;
                await nodes[i].StopAsync(Deadline);
                await nodes[i].DisposeAsync();
                nodes[i] = await NodeProcess.StartAsync(settings[i]);
                await WritesGoOnAsync($"silo {i} was restarted");
                output.WriteLine($"silo {i} restarted gracefully: {flow.FailedAttempts - failedBefore} award attempts failed and were retried");
            }

            var failedBeforeKill = flow.FailedAttempts;
            nodes[1].Kill();
            await WritesGoOnAsync("silo 1 was killed");
            output.WriteLine($"silo 1 killed: {flow.FailedAttempts - failedBeforeKill} award attempts failed and were retried");

            await stop.CancelAsync();
            await Task.WhenAll(awarding, redeeming);
            output.WriteLine($"{flow.Acknowledged} awards and {redeemed} redemptions acknowledged; longest gap between acknowledged awards {flow.LongestGap.TotalSeconds:F1} s");

            // Nothing lost or doubled: exactly one ledger entry per acknowledged award, balances equal ledgers, boards too.
            await flow.BoardsEqualLedgersAsync(channel, key, Deadline);
            var ledgers = await flow.LedgersAsync(channel, key);
            await watch.ShowsAsync(ledgers, LeaderboardPeriod.All, Deadline);
            var item = await counter.ItemAsync();
            Assert.Equal((10_000L - redeemed, 0L, (long)redeemed), (item.Available, item.Reserved, item.Sold));
            var spent = 0L;
            foreach (var (id, _) in customers)
            {
                spent += 5_000 - (await counter.Seed.Admin.Points.GetBalanceAsync(new GetBalanceRequest { MemberId = id })).Balance;
            }

            Assert.Equal(redeemed, spent);
        }
        finally
        {
            await stop.CancelAsync();
            if (gateway is not null)
            {
                await gateway.StopAsync();
                await gateway.DisposeAsync();
            }

            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    private static Task<T> Retry<T>(Func<Task<T>> call, string what) =>
        Eventually.SucceedsAsync(async () =>
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.PermissionDenied or StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.NotFound or StatusCode.AlreadyExists)
            {
                throw new InvalidOperationException("a refusal is not an outage", e);
            }
        }, TimeSpan.FromSeconds(120), what);
}
