using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Engagement.Bench;
using Grpc.Net.Client;

BenchOptions? options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or UriFormatException)
{
    Console.Error.WriteLine($"{e.Message}\n{BenchOptions.Usage}");
    return 2;
}

if (options is null)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var channel = GrpcChannel.ForAddress(options.Target, new GrpcChannelOptions
{
    HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan },
});
// A node that is not there, or a key that is not the node's, is one sentence and an exit code, not a stack trace.
if (!await Preflight.NodeAnswersAsync(channel, options.Wait))
{
    Console.Error.WriteLine($"No node answers at {options.Target} (waited {options.Wait.TotalSeconds:0} s): start one (dotnet run --project silo/Engagement.Silo) or pass its address with --target.");
    return 3;
}

if (!File.Exists(options.KeyFile))
{
    Console.Error.WriteLine($"No signing key at {Path.GetFullPath(options.KeyFile)}: pass the node's key with --key-file (it is dev-signing-key in the node's data directory, created at its first start).");
    return 3;
}

var tokens = new Tokens(options.KeyFile);
var node = options.NodePids is { Count: > 0 } pids ? new NodeStats(pids) : null;
var results = new List<ScenarioResult>();
var run = options.Scenario == "all" ? ["health", "checkin", "mixed", "redeem", "leaderboard", "ledger-depth", "parks"] : options.Scenario.Split(',');

async Task MeasureAsync(Func<Task<IReadOnlyList<ScenarioResult>>> scenario)
{
    var cpuBefore = node?.CpuSeconds() ?? 0;
    var clock = Stopwatch.StartNew();
    var measured = await scenario();
    foreach (var result in measured)
    {
        if (node is not null && result.Node is null)
        {
            var cpu = node.CpuSeconds() - cpuBefore;
            result.Node = new NodeUsage(cpu, cpu / clock.Elapsed.TotalSeconds, node.PeakRssMiB());
        }

        results.Add(result);
        Report.Print(result);
    }
}

Park? park = null;
foreach (var scenario in run)
{
    switch (scenario)
    {
        case "health":
            await MeasureAsync(async () => [await HealthScenario.RunAsync(channel, options)]);
            break;
        case "checkin":
            park ??= await Park.SeedAsync(channel, tokens, options.Members, options.Concurrency);
            await MeasureAsync(async () => [await CheckInScenario.RunAsync(channel, tokens, park, options)]);
            break;
        case "mixed":
            park ??= await Park.SeedAsync(channel, tokens, options.Members, options.Concurrency);
            await MeasureAsync(() => MixedScenario.RunAsync(channel, tokens, park, options));
            break;
        case "redeem":
            park ??= await Park.SeedAsync(channel, tokens, options.Members, options.Concurrency);
            await MeasureAsync(() => RedeemScenario.RunAsync(channel, tokens, park, options));
            break;
        case "leaderboard":
            park ??= await Park.SeedAsync(channel, tokens, options.Members, options.Concurrency);
            await MeasureAsync(() => LeaderboardScenario.RunAsync(channel, tokens, park, options));
            break;
        case "ledger-depth":
            park ??= await Park.SeedAsync(channel, tokens, Math.Max(1, Math.Min(options.Members, 100)), options.Concurrency);
            await MeasureAsync(() => LedgerDepthScenario.RunAsync(channel, park, options));
            break;
        case "parks":
            await MeasureAsync(() => ParksScenario.RunAsync(channel, tokens, node, options));
            break;
        case "rolling":
            await MeasureAsync(() => RollingScenario.RunAsync(channel, tokens, options));
            break;
        case "soak":
            await MeasureAsync(() => SoakScenario.RunAsync(channel, tokens, options));
            break;
        default:
            Console.Error.WriteLine($"unknown scenario '{scenario}'\n{BenchOptions.Usage}");
            return 2;
    }
}

var ceiling = results.FirstOrDefault(r => r.Scenario.StartsWith("health", StringComparison.Ordinal))?.OpsPerSecond;
foreach (var result in results.Where(_ => ceiling > 0))
{
    result.RatioToCeiling = result.OpsPerSecond / ceiling;
}

Report.PrintTable(results, options, Environment.ProcessorCount);
if (ParksScenario.Comparison(results) is { } comparison)
{
    Console.WriteLine();
    Console.WriteLine(comparison);
}

if (options.JsonPath is { } path)
{
    await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new
    {
        machine = new { cores = Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription },
        options = new { options.Target, options.Members, options.Concurrency, duration_s = options.Duration.TotalSeconds.ToString(CultureInfo.InvariantCulture) },
        results,
    }, new JsonSerializerOptions { WriteIndented = true }));
}

return results.Any(r => r.Errors.Count > 0) ? 1 : 0;
