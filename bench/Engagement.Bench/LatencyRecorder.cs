using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;

namespace Engagement.Bench;

/// <summary>Every operation's latency and outcome; percentiles are computed once at the end (no sampling).</summary>
public sealed class LatencyRecorder
{
    private readonly ConcurrentBag<List<double>> _perWorker = [];
    private readonly ConcurrentDictionary<string, int> _errors = new();

    public List<double> NewWorker()
    {
        var list = new List<double>(4096);
        _perWorker.Add(list);
        return list;
    }

    public void Error(Exception e) =>
        _errors.AddOrUpdate(e is RpcException rpc ? rpc.StatusCode.ToString() : e.GetType().Name, 1, (_, n) => n + 1);

    public static double ElapsedMs(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;

    public ScenarioResult Result(string name, TimeSpan elapsed, string? note = null)
    {
        var all = _perWorker.SelectMany(l => l).Order().ToArray();
        double P(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
        return new ScenarioResult(name, all.Length, all.Length / elapsed.TotalSeconds, P(0.50), P(0.90), P(0.99), all.Length == 0 ? 0 : all[^1],
            new Dictionary<string, int>(_errors), note);
    }
}

public sealed record ScenarioResult(
    string Scenario, long Operations, double OpsPerSecond, double P50Ms, double P90Ms, double P99Ms, double MaxMs,
    IReadOnlyDictionary<string, int> Errors, string? Note)
{
    public double? RatioToCeiling { get; set; }

    public NodeUsage? Node { get; set; }

    /// <summary>The node's CPU per operation where a scenario measures it over its own window (parks).</summary>
    public double? NodeCpuMsPerOperation { get; set; }

    /// <summary>How many parks the step ran on (parks).</summary>
    public int? Parks { get; set; }
}

public sealed record NodeUsage(double CpuSeconds, double CpuCoresUsed, long PeakRssMiB);
