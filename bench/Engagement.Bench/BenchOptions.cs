using System.Globalization;

namespace Engagement.Bench;

/// <summary>Command line: <c>&lt;scenario&gt; [--target URL] [--members N] [--concurrency N] [--duration S] [--count N] ...</c></summary>
public sealed record BenchOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/Engagement.Bench -- <scenario> [options]
        scenarios: health | checkin | mixed | redeem | leaderboard | ledger-depth | parks | all, or several: health,checkin;
                   rolling (bench/run-rolling-restart.sh) and soak (bench/run-soak.sh), which restart nodes, run alone
        options:
          --target URL        the node's gRPC address (default http://127.0.0.1:5080)
          --key-file PATH     the node's development signing key (default ./data/dev-signing-key: the node's data
                              directory when both were started in the same directory)
          --wait S            seconds to wait for the node to answer its health check (default 30)
          --members N         members to seed (default 2000)
          --concurrency N     calls in flight (default 64)
          --duration S        seconds per timed scenario: health, mixed, leaderboard queries; soak: the whole load
                              (half before the restart, half after); rolling: the load before the first restart
                              and after each (default 10)
          --depth N           ledger entries for ledger-depth (default 10000)
          --count N           redemptions for redeem (default: all seeded members)
          --rate R            offered rate of the open-loop phases: validate+confirm pairs per second for redeem,
                              check-ins per second for parks, awards per second for rolling and soak (default 500)
          --parks N[,N...]    parks: the steps, each the same --members split over N new parks (default 1,4,16)
          --settle S          parks: seconds the node's CPU is still counted after every board is complete (default 6)
          --node-pid PID[,PID] report CPU and peak memory of the node's processes (same machine; summed)
          --control DIR       rolling, soak: the directory through which the script that started the nodes is asked
                              to stop, kill and start them (its scripts pass it)
          --silos N           rolling: how many silos to restart in turn, 0..N-1 (default 3); then silo 1 is killed
          --json PATH         also write the results as JSON
        """;

    public string Scenario { get; init; } = "all";
    public Uri Target { get; init; } = new("http://127.0.0.1:5080");
    public string KeyFile { get; init; } = Path.Combine("data", "dev-signing-key");
    public int Members { get; init; } = 2000;
    public int Concurrency { get; init; } = 64;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);
    public int Depth { get; init; } = 10_000;
    public int Count { get; init; } = int.MaxValue;
    public double Rate { get; init; } = 500;
    public IReadOnlyList<int> Parks { get; init; } = [1, 4, 16];
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(6);
    public IReadOnlyList<int>? NodePids { get; init; }
    public TimeSpan Wait { get; init; } = TimeSpan.FromSeconds(30);
    public string? JsonPath { get; init; }
    public string? Control { get; init; }
    public int Silos { get; init; } = 3;

    public static BenchOptions? Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return null;
        }

        var options = new BenchOptions { Scenario = args[0] };
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--target" => options with { Target = new Uri(value) },
                "--key-file" => options with { KeyFile = value },
                "--members" => options with { Members = int.Parse(value, CultureInfo.InvariantCulture) },
                "--concurrency" => options with { Concurrency = int.Parse(value, CultureInfo.InvariantCulture) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--depth" => options with { Depth = int.Parse(value, CultureInfo.InvariantCulture) },
                "--count" => options with { Count = int.Parse(value, CultureInfo.InvariantCulture) },
                "--rate" => options with { Rate = double.Parse(value, CultureInfo.InvariantCulture) },
                "--parks" => options with { Parks = Positive("--parks", [.. value.Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture))]) },
                "--settle" => options with { Settle = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--node-pid" => options with { NodePids = [.. value.Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture))] },
                "--json" => options with { JsonPath = value },
                "--control" => options with { Control = value },
                "--silos" => options with { Silos = Positive("--silos", [int.Parse(value, CultureInfo.InvariantCulture)])[0] },
                "--wait" => options with { Wait = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }

    private static int[] Positive(string option, int[] values) =>
        values.All(v => v > 0) ? values : throw new ArgumentException($"{option} takes positive numbers");
}
