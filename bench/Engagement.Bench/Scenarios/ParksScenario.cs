using System.Diagnostics;
using System.Globalization;
using Engagement.V1;
using Grpc.Net.Client;

namespace Engagement.Bench;

/// <summary>
/// Many parks on one cluster. For each step of <c>--parks</c> (e.g. 1,4,16) the same <c>--members</c> are split over
/// that many new parks (each with a committee and branches of 100), then every one of them checks in once at
/// <c>--rate</c> per second (open loop, latency from the scheduled start), the parks' members shuffled together. The
/// node's CPU is counted from the first check-in until every park's all-time board shows all its members and
/// <c>--settle</c> seconds more (so the boards' batches, snapshots and first reconcile count too), less what the node
/// spends idle, measured just before. Nothing on the award path is wider than a park, so CPU and p99 per check-in
/// should stay about flat as parks are added; the last lines compare each number of parks with the fewest.
/// </summary>
public static class ParksScenario
{
    /// <summary>Members of the unmeasured warm-up park (a cold node's JIT would otherwise flatter later steps).</summary>
    private const int WarmUpMembers = 500;

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(2);

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(GrpcChannel channel, Tokens tokens, NodeStats? node, BenchOptions options)
    {
        var run = Park.RunId();
        var warmUp = await Park.SeedAsync(channel, tokens, Math.Min(options.Members, WarmUpMembers), options.Concurrency, $"{run}-w");
        await CheckInAsync(channel, tokens, [warmUp], options.Rate, seed: -1);

        var results = new List<ScenarioResult>();
        for (var step = 0; step < options.Parks.Count; step++)
        {
            var count = options.Parks[step];
            var parks = new List<Park>(count);
            for (var p = 0; p < count; p++)
            {
                var members = Math.Max(1, options.Members / count + (p < options.Members % count ? 1 : 0));
                parks.Add(await Park.SeedAsync(channel, tokens, members, options.Concurrency, $"{run}-s{step}p{p}"));
            }

            // Seeding's tail (audit pages, rosters) settles first; then the node's idle CPU rate, subtracted below.
            var quiet = TimeSpan.FromSeconds(Math.Min(options.Settle.TotalSeconds, 2));
            await Task.Delay(quiet);
            var idle = await IdleCoresAsync(node, quiet);

            var cpuBefore = node?.CpuSeconds() ?? 0;
            var window = Stopwatch.StartNew();
            var (recorder, elapsed) = await CheckInAsync(channel, tokens, parks, options.Rate, seed: step);
            if (!await DrainedAsync(channel, parks))
            {
                recorder.Error(new TimeoutException());
            }

            await Task.Delay(options.Settle);
            var total = parks.Sum(p => p.Members.Count);
            var perPark = parks.Min(p => p.Members.Count) == parks.Max(p => p.Members.Count)
                ? $"{parks[0].Members.Count}" : $"{parks.Min(p => p.Members.Count)}-{parks.Max(p => p.Members.Count)}";
            var result = recorder.Result(
                string.Create(CultureInfo.InvariantCulture, $"parks: {count} × {perPark} members @{options.Rate:F0}/s"), elapsed,
                $"{total} check-ins over {count} parks, open loop; node CPU from the first check-in until every park's board is complete + {options.Settle.TotalSeconds:0} s, idle subtracted");
            result.Parks = count;
            if (node is not null)
            {
                var cpu = Math.Max(0, node.CpuSeconds() - cpuBefore - idle * window.Elapsed.TotalSeconds);
                result.Node = new NodeUsage(cpu, cpu / window.Elapsed.TotalSeconds, node.PeakRssMiB());
                result.NodeCpuMsPerOperation = cpu * 1000 / Math.Max(1, result.Operations);
            }

            results.Add(result);
        }

        return results;
    }

    /// <summary>
    /// Each number of parks against the fewest: node CPU per check-in and p99 as ratios, each the mean over the steps
    /// run with that many parks (repeat steps, e.g. <c>--parks 1,16,1,16</c>, to see the drift of a warming node or a
    /// busy machine). Null when the run had no parks steps.
    /// </summary>
    public static string? Comparison(IReadOnlyList<ScenarioResult> results)
    {
        var groups = results.Where(r => r.Parks is not null).GroupBy(r => r.Parks!.Value).OrderBy(g => g.Key)
            .Select(g => (Parks: g.Key, Runs: g.Count(), Cpu: g.All(r => r.NodeCpuMsPerOperation is not null) ? g.Average(r => r.NodeCpuMsPerOperation) : null, P99: g.Average(r => r.P99Ms)))
            .ToList();
        if (groups.Count == 0)
        {
            return null;
        }

        var baseline = groups[0];
        return groups.Count == 1
            ? string.Create(CultureInfo.InvariantCulture, $"parks: one number of parks only ({Parks(baseline.Parks)}), node CPU per check-in {Cpu(baseline.Cpu)}: pass several, e.g. --parks 1,4,16")
            : string.Join(Environment.NewLine, groups.Skip(1).Select(g => string.Create(CultureInfo.InvariantCulture,
                $"parks: {Parks(g.Parks)} vs {Parks(baseline.Parks)}{Runs(g.Runs, baseline.Runs)}: {CpuVersus(g.Cpu, baseline.Cpu)}, p99 {g.P99:F1} vs {baseline.P99:F1} ms ({Ratio(g.P99, baseline.P99)})")));

        static string Parks(int parks) => parks == 1 ? "1 park" : $"{parks} parks";

        static string Runs(int runs, int baselineRuns) =>
            runs == 1 && baselineRuns == 1 ? "" : $" (means of {runs} and {baselineRuns} steps)";

        static string Cpu(double? ms) =>
            ms is { } value ? string.Create(CultureInfo.InvariantCulture, $"{value:F2} ms") : "unknown (pass --node-pid)";

        static string CpuVersus(double? cpu, double? baseline) => cpu is not null && baseline is not null
            ? $"node CPU per check-in {Cpu(cpu)} vs {Cpu(baseline)} ({Ratio(cpu, baseline)})"
            : "node CPU per check-in unknown (pass --node-pid)";

        static string Ratio(double? value, double? baseline) =>
            value is { } v && baseline is { } b && b > 0 ? string.Create(CultureInfo.InvariantCulture, $"{v / b:F2}×") : "-";
    }

    /// <summary>Every member of the parks checks in once, all parks' members in one shuffled order (seed &lt; 0: in order).</summary>
    private static async Task<(LatencyRecorder Recorder, TimeSpan Elapsed)> CheckInAsync(GrpcChannel channel, Tokens tokens, IReadOnlyList<Park> parks, double rate, int seed)
    {
        var points = new PointsService.PointsServiceClient(channel);
        var members = parks.SelectMany(p => p.Members).ToArray();
        if (seed >= 0)
        {
            new Random(seed).Shuffle(members);
        }

        var headers = members.Select(m => Park.Bearer(tokens.Mint(m, $"member:{m}"))).ToArray();
        return await Load.RunAtRateAsync(rate, members.Length,
            async n => await points.CheckInAsync(new CheckInRequest { IdempotencyKey = $"parks-{n}" }, headers[n]));
    }

    /// <summary>Waits until every park's all-time board ranks all its members (one park at a time: few reads).</summary>
    private static async Task<bool> DrainedAsync(GrpcChannel channel, IReadOnlyList<Park> parks)
    {
        var boards = new LeaderboardService.LeaderboardServiceClient(channel);
        var deadline = Stopwatch.StartNew();
        foreach (var park in parks)
        {
            var admin = Park.Bearer(park.AdminToken);
            while ((await boards.GetLeaderboardAsync(new GetLeaderboardRequest
                   {
                       Scope = LeaderboardScope.ParkMembers, ScopeId = park.Id, Period = LeaderboardPeriod.All, PageSize = 1,
                   }, admin)).Total < park.Members.Count)
            {
                if (deadline.Elapsed > DrainTimeout)
                {
                    return false;
                }

                await Task.Delay(100);
            }
        }

        return true;
    }

    private static async Task<double> IdleCoresAsync(NodeStats? node, TimeSpan span)
    {
        if (node is null || span <= TimeSpan.Zero)
        {
            return 0;
        }

        var before = node.CpuSeconds();
        var clock = Stopwatch.StartNew();
        await Task.Delay(span);
        return (node.CpuSeconds() - before) / clock.Elapsed.TotalSeconds;
    }
}
