using System.Globalization;

namespace Engagement.Bench;

public static class Report
{
    public static void Print(ScenarioResult r) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{r.Scenario}: {r.Operations} ops, {r.OpsPerSecond:F0}/s, p50 {r.P50Ms:F2} ms, p99 {r.P99Ms:F2} ms{(r.NodeCpuMsPerOperation is { } cpu ? $", node CPU {cpu:F2} ms per operation" : "")}{Errors(r)}"));

    /// <summary>The Markdown table README publishes.</summary>
    public static void PrintTable(IReadOnlyList<ScenarioResult> results, BenchOptions options, int cores)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"target {options.Target}, concurrency {options.Concurrency}, {cores} cores on the bench machine"));
        Console.WriteLine();
        Console.WriteLine("| scenario | ops | ops/s | vs gRPC ceiling | p50 ms | p90 ms | p99 ms | max ms | errors | node CPU (cores) | node peak RSS |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Operations} | {r.OpsPerSecond:F0} | {(r.RatioToCeiling is { } x ? $"{x:P0}" : "-")} | {r.P50Ms:F2} | {r.P90Ms:F2} | {r.P99Ms:F2} | {r.MaxMs:F1} | {(r.Errors.Count == 0 ? "0" : string.Join(" ", r.Errors.Select(e => $"{e.Key}:{e.Value}")))} | {(r.Node is { } n ? $"{n.CpuCoresUsed:F2}" : "-")} | {(r.Node is { } m ? $"{m.PeakRssMiB} MiB" : "-")} |"));
        }
    }

    private static string Errors(ScenarioResult r) =>
        r.Errors.Count == 0 ? "" : ", errors " + string.Join(" ", r.Errors.Select(e => $"{e.Key}:{e.Value}"));
}
