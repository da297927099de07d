using System.Globalization;
using Engagement.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Engagement.Bench;

/// <summary>
/// A rolling restart under load (bench/run-rolling-restart.sh): awards at <c>--rate</c> from <c>--concurrency</c>
/// writers and redemptions (10 customers in a park of their own, each starting one a second, confirmed at the counter
/// by scanning its QR code: typed codes are limited per staff member) flow
/// through a standalone gateway while the script, asked through <c>--control</c>, stops each of the <c>--silos</c>
/// gracefully and starts it again in turn, then SIGKILLs one and starts it again; <c>--duration</c> seconds of load
/// before the first restart and after each. Every write is retried with its key until acknowledged. A watch on the
/// park's all-time board is held throughout. Reported per phase: acknowledged writes/s, failed attempts by status,
/// retried-then-acknowledged, the longest gap between acknowledged writes and the watch's longest silence; at the end
/// <see cref="EndChecks"/> plus stock and spent points against the confirmed redemptions.
/// </summary>
public static class RollingScenario
{
    private const int Customers = 10;
    private const long TopUp = 100_000;
    private const long Stock = 1_000_000;

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(GrpcChannel channel, Tokens tokens, BenchOptions options)
    {
        if (options.Control is null || options.NodePids is not { Count: > 0 } pids)
        {
            throw new ArgumentException("rolling needs --control DIR and --node-pid (run it with bench/run-rolling-restart.sh)");
        }

        var control = new Control(options.Control);
        var run = Park.RunId();
        var park = await Park.SeedAsync(channel, tokens, options.Members, options.Concurrency, $"{run}-rolling");
        var shop = await Park.SeedAsync(channel, tokens, Customers, Customers, $"{run}-shop");
        var (merchant, staff) = await OpenCounterAsync(channel, tokens, shop);
        var points = new PointsService.PointsServiceClient(channel);
        for (var c = 0; c < Customers; c++)
        {
            await points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = shop.Members[c], Amount = TopUp, Reason = "bench", IdempotencyKey = $"topup-{c}" }, Park.Bearer(shop.AdminToken));
        }

        var timeline = new Timeline();
        await using var usage = new ProcessUsage(pids);
        var cpuBefore = usage.CpuSeconds();
        var boards = new V1.LeaderboardService.LeaderboardServiceClient(channel);
        await using var watch = await BoardWatcher.OpenAsync(boards, new WatchLeaderboardRequest
        {
            Scope = LeaderboardScope.ParkMembers, ScopeId = park.Id, Period = LeaderboardPeriod.All, Top = 100,
        }, Park.Bearer(park.AdminToken), timeline);

        using var stop = new CancellationTokenSource();
        var awards = new Awards(channel, park, timeline, "rolling");
        timeline.Begin("steady");
        var awarding = awards.RunAsync(park.Members, options.Rate, options.Concurrency, stop.Token);
        var confirmed = new int[Customers];
        var refusedRedemptions = 0;
        var redeeming = Task.WhenAll(Enumerable.Range(0, Customers).Select(c => Task.Run(async () =>
        {
            var redemptions = new RedemptionService.RedemptionServiceClient(channel);
            var customer = Park.Bearer(tokens.Mint(shop.Members[c], $"member:{shop.Members[c]}"));
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var pace = Task.Delay(1000);
                try
                {
                    var started = await Retrying.UntilAcknowledgedAsync(timeline, "redemption starts", deadline => redemptions.StartRedemptionAsync(
                        new StartRedemptionRequest { MerchantId = merchant, ItemId = "coffee", IdempotencyKey = $"r-{c}-{i}" }, customer, deadline).ResponseAsync);
                    await Retrying.UntilAcknowledgedAsync(timeline, "redemption confirms", deadline => redemptions.ConfirmRedemptionAsync(
                        new ConfirmRedemptionRequest { MerchantId = merchant, QrPayload = started.Redemption.QrPayload, IdempotencyKey = $"c-{c}-{i}" }, staff, deadline).ResponseAsync);
                    Interlocked.Increment(ref confirmed[c]);
                }
                catch (RpcException)
                {
                    Interlocked.Increment(ref refusedRedemptions);
                }

                await pace;
            }
        })));

        await Task.Delay(options.Duration);
        for (var silo = 0; silo < options.Silos; silo++)
        {
            await RestartAsync(control, usage, timeline, options, silo, "stop", $"restart silo {silo} (SIGTERM)");
        }

        var victim = options.Silos > 1 ? 1 : 0;
        await RestartAsync(control, usage, timeline, options, victim, "kill", $"kill silo {victim} (SIGKILL)");

        await stop.CancelAsync();
        await Task.WhenAll(awarding, redeeming);
        timeline.End();
        var loadEnded = timeline.Now;
        var cpu = usage.CpuSeconds() - cpuBefore;
        var node = new NodeUsage(cpu, cpu / loadEnded.TotalSeconds, usage.PeakRssMiB);

        var checks = new EndChecks(channel, park);
        await checks.RunAsync(awards.Acknowledged, loadEnded, timeline, watch);
        checks.Problem("watch errors", watch.Errors);
        await RedemptionChecksAsync(channel, shop, merchant, staff, confirmed, refusedRedemptions, checks);

        var phases = timeline.Phases();
        Timeline.Print("rolling", phases);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rolling: {awards.Acknowledged.Count} awards and {confirmed.Sum()} redemptions acknowledged in {loadEnded.TotalSeconds:F0} s; nodes' CPU {node.CpuCoresUsed:F2} cores, peak RSS {node.PeakRssMiB} MiB (silos + gateway)"));
        foreach (var line in checks.Lines)
        {
            Console.WriteLine($"rolling: {line}");
        }

        var results = PhaseResults.Of("rolling", phases, node);
        results.Add(PhaseResults.Checks("rolling", checks, awards.Acknowledged.Count + confirmed.Sum(), node));
        return results;
    }

    /// <summary>One phase: stop (or kill) the silo, start it again, then <c>--duration</c> seconds of load.</summary>
    private static async Task RestartAsync(Control control, ProcessUsage usage, Timeline timeline, BenchOptions options, int silo, string how, string phase)
    {
        timeline.Begin(phase);
        var asked = timeline.Now;
        await control.RequestAsync(how, silo);
        var down = timeline.Now;
        timeline.Note(string.Create(CultureInfo.InvariantCulture, $"{(how == "kill" ? "killed" : "stopped")} in {(down - asked).TotalSeconds:F1} s"));
        usage.Replace(silo, await control.RequestAsync("start", silo));
        timeline.Note(string.Create(CultureInfo.InvariantCulture, $"started and ready in {(timeline.Now - down).TotalSeconds:F1} s"));
        await Task.Delay(options.Duration);
    }

    private static async Task<(string Merchant, Metadata Staff)> OpenCounterAsync(GrpcChannel channel, Tokens tokens, Park shop)
    {
        var merchants = new MerchantService.MerchantServiceClient(channel);
        var admin = Park.Bearer(shop.AdminToken);
        var id = $"{shop.Id}-counter";
        await merchants.CreateMerchantAsync(new CreateMerchantRequest { ParkId = shop.Id, MerchantId = id, Name = "园区便利店", IdempotencyKey = id }, admin);
        await merchants.AddMerchantStaffAsync(new AddMerchantStaffRequest { MerchantId = id, Subject = "clerk", DisplayName = "店员", IdempotencyKey = id }, admin);
        var staff = Park.Bearer(tokens.Mint("clerk", $"merchant-staff:{id}"));
        await merchants.UpsertCatalogItemAsync(new UpsertCatalogItemRequest
        {
            MerchantId = id, Item = new CatalogItem { ItemId = "coffee", Name = "咖啡", PointsCost = 1 }, InitialStock = Stock, IdempotencyKey = id,
        }, staff);
        return (id, staff);
    }

    /// <summary>Stock and spent points against the confirmed redemptions (cost 1 point each).</summary>
    private static async Task RedemptionChecksAsync(GrpcChannel channel, Park shop, string merchant, Metadata staff, int[] confirmed, int refused, EndChecks checks)
    {
        var item = (await new MerchantService.MerchantServiceClient(channel).ListCatalogAsync(new ListCatalogRequest { MerchantId = merchant }, staff)).Items.Single(i => i.ItemId == "coffee");
        var points = new PointsService.PointsServiceClient(channel);
        var admin = Park.Bearer(shop.AdminToken);
        var spentOff = 0;
        for (var c = 0; c < Customers; c++)
        {
            var balance = (await points.GetBalanceAsync(new GetBalanceRequest { MemberId = shop.Members[c] }, admin)).Balance;
            spentOff += TopUp - balance == confirmed[c] ? 0 : 1;
        }

        var total = confirmed.Sum();
        var stockOk = item.Available == Stock - total && item.Reserved == 0 && item.Sold == total;
        checks.Lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"redemptions: {total} confirmed, {refused} refused; stock available {item.Available}, reserved {item.Reserved}, sold {item.Sold} ({(stockOk ? "matches" : "DOES NOT match")}); {spentOff} of {Customers} customers' spent points differ from their confirmed redemptions"));
        checks.Problem("stock differs", stockOk ? 0 : 1);
        checks.Problem("spent points differ", spentOff);
        checks.Problem("redemptions refused", refused);
    }
}
