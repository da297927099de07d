using System.Globalization;

namespace Engagement.Bench;

/// <summary>The phases of a run as rows of the bench's table (and JSON), plus one row for the end's checks.</summary>
public static class PhaseResults
{
    public static List<ScenarioResult> Of(string scenario, IReadOnlyList<PhaseReport> phases, NodeUsage? node)
    {
        var results = new List<ScenarioResult>();
        foreach (var phase in phases)
        {
            foreach (var w in phase.Writes)
            {
                results.Add(new ScenarioResult(
                    $"{scenario}: {phase.Name}: {w.Kind}", w.Acknowledged, w.PerSecond, w.P50Ms, w.P90Ms, w.P99Ms, w.MaxMs,
                    new Dictionary<string, int>(w.Refused.Select(r => KeyValuePair.Create($"refused {r.Key}", r.Value))),
                    string.Create(CultureInfo.InvariantCulture,
                        $"failed attempts {Show(w.FailedAttempts)}, retried then acknowledged {w.RetriedThenAcknowledged}, longest gap between acknowledged {w.LongestGapS:F2} s; watch: longest without an update {phase.WatchLongestGapS:F2} s, errors {Show(phase.WatchErrors)}"))
                {
                    Node = node,
                });
            }
        }

        return results;
    }

    public static ScenarioResult Checks(string scenario, EndChecks checks, long operations, NodeUsage? node) =>
        new($"{scenario}: end checks", operations, 0, 0, 0, 0, 0, checks.Problems, string.Join(" | ", checks.Lines)) { Node = node };

    private static string Show(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "0" : string.Join(" ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}:{c.Value}"));
}
