using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Engagement.Bench;

/// <summary>
/// What happened when, for scenarios with phases (rolling, soak): each acknowledged write (and whether it needed
/// retries), each failed attempt by status, each refused write, each watch update and watch error, each board-lag
/// sample. At the end every event is assigned to the phase it happened in, and each phase reports writes/s, failed
/// attempts, retried-then-acknowledged writes, the longest gap between acknowledged writes (assigned to the phase in
/// which it began) and the longest time the watch went without an update.
/// </summary>
public sealed class Timeline
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<Event> _events = new();
    private readonly List<(string Name, TimeSpan Start, string? Note)> _phases = [];
    private TimeSpan? _end;

    public TimeSpan Now => _clock.Elapsed;

    /// <summary>Starts a phase; everything from now on belongs to it until the next.</summary>
    public void Begin(string name)
    {
        lock (_phases)
        {
            _phases.Add((name, _clock.Elapsed, null));
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,6:F1} s] {name}"));
    }

    /// <summary>Adds a note to the current phase (e.g. how long the stop and the start took).</summary>
    public void Note(string note)
    {
        lock (_phases)
        {
            var (name, start, previous) = _phases[^1];
            _phases[^1] = (name, start, previous is null ? note : $"{previous}; {note}");
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,6:F1} s]   {note}"));
    }

    /// <summary>The load is over: the last phase ends now.</summary>
    public void End() => _end = _clock.Elapsed;

    public void Acknowledged(string kind, bool retried, double latencyMs) => _events.Enqueue(new Event(_clock.Elapsed, kind, retried ? EventKind.AckRetried : EventKind.Ack, null, latencyMs));

    public void Failed(string kind, string status) => _events.Enqueue(new Event(_clock.Elapsed, kind, EventKind.Failed, status, 0));

    public void Refused(string kind, string status) => _events.Enqueue(new Event(_clock.Elapsed, kind, EventKind.Refused, status, 0));

    public void WatchUpdate() => _events.Enqueue(new Event(_clock.Elapsed, "watch", EventKind.Watch, null, 0));

    public void WatchError(string status) => _events.Enqueue(new Event(_clock.Elapsed, "watch", EventKind.WatchError, status, 0));

    /// <summary>A board-lag sample: from an award's acknowledgement to the watch showing it (at the acknowledgement's time).</summary>
    public void Lag(TimeSpan acknowledgedAt, double lagMs) => _events.Enqueue(new Event(acknowledgedAt, "lag", EventKind.Lag, null, lagMs));

    /// <summary>The same sample measured from the award's call (its latency included; at the acknowledgement's time).</summary>
    public void LagFromCall(TimeSpan acknowledgedAt, double lagMs) => _events.Enqueue(new Event(acknowledgedAt, "lag", EventKind.LagFromCall, null, lagMs));

    /// <summary>Lag samples not seen by the watch within the sampler's deadline.</summary>
    public void LagMissed(TimeSpan acknowledgedAt) => _events.Enqueue(new Event(acknowledgedAt, "lag", EventKind.LagMissed, null, 0));

    public IReadOnlyList<PhaseReport> Phases()
    {
        List<(string Name, TimeSpan Start, string? Note)> phases;
        lock (_phases)
        {
            phases = [.. _phases];
        }

        var end = _end ?? _clock.Elapsed;
        var events = _events.OrderBy(e => e.At).ToList();
        var reports = new List<PhaseReport>();
        for (var p = 0; p < phases.Count; p++)
        {
            var (name, start, note) = phases[p];
            var stop = p + 1 < phases.Count ? phases[p + 1].Start : end;
            var inPhase = events.Where(e => e.At >= start && e.At < stop).ToList();
            var kinds = events.Where(e => e.Kind is not ("watch" or "lag")).Select(e => e.Kind).Distinct().Order(StringComparer.Ordinal);
            var writes = kinds.Select(kind =>
            {
                var acks = inPhase.Where(e => e.Kind == kind && e.What is EventKind.Ack or EventKind.AckRetried).ToList();
                var latencies = acks.Select(a => a.Value).Order().ToArray();
                return new WriteFigures(
                    kind, acks.Count, acks.Count / Math.Max(0.001, (stop - start).TotalSeconds),
                    Percentile(latencies, 0.50), Percentile(latencies, 0.90), Percentile(latencies, 0.99), latencies.Length == 0 ? 0 : latencies[^1],
                    Count(inPhase.Where(e => e.Kind == kind && e.What == EventKind.Failed)),
                    acks.Count(a => a.What == EventKind.AckRetried),
                    Count(inPhase.Where(e => e.Kind == kind && e.What == EventKind.Refused)),
                    LongestGap(events.Where(e => e.Kind == kind && e.What is EventKind.Ack or EventKind.AckRetried).Select(e => e.At), start, stop, end).TotalSeconds);
            }).ToList();
            var lags = inPhase.Where(e => e.What == EventKind.Lag).Select(e => e.Value).Order().ToArray();
            var fromCall = inPhase.Where(e => e.What == EventKind.LagFromCall).Select(e => e.Value).Order().ToArray();
            reports.Add(new PhaseReport(
                name, start.TotalSeconds, (stop - start).TotalSeconds, note, writes,
                LongestGap(events.Where(e => e.What == EventKind.Watch).Select(e => e.At), start, stop, end).TotalSeconds,
                inPhase.Count(e => e.What == EventKind.Watch),
                Count(inPhase.Where(e => e.What == EventKind.WatchError)),
                lags.Length, Percentile(lags, 0.50), Percentile(lags, 0.99), lags.Length == 0 ? 0 : lags[^1],
                inPhase.Count(e => e.What == EventKind.LagMissed), Percentile(fromCall, 0.50), Percentile(fromCall, 0.99)));
        }

        return reports;
    }

    /// <summary>Prints one block per phase (stdout, for the record).</summary>
    public static void Print(string scenario, IReadOnlyList<PhaseReport> phases)
    {
        Console.WriteLine();
        foreach (var phase in phases)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scenario}: {phase.Name} (from {phase.StartS:F1} s, {phase.DurationS:F1} s){(phase.Note is null ? "" : $" — {phase.Note}")}"));
            foreach (var w in phase.Writes)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {w.Kind}: {w.Acknowledged} acknowledged, {w.PerSecond:F0}/s, p50 {w.P50Ms:F1} ms, p99 {w.P99Ms:F1} ms, max {w.MaxMs:F0} ms; failed attempts {Show(w.FailedAttempts)}, retried then acknowledged {w.RetriedThenAcknowledged}, refused {Show(w.Refused)}; longest gap between acknowledged {w.LongestGapS:F2} s"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  watch: {phase.WatchUpdates} updates, longest without an update {phase.WatchLongestGapS:F2} s, errors {Show(phase.WatchErrors)}{(phase.LagSamples > 0 || phase.LagMissed > 0 ? $"; board lag {phase.LagSamples} samples, p50 {phase.LagP50Ms:F0} ms, p99 {phase.LagP99Ms:F0} ms, max {phase.LagMaxMs:F0} ms, not seen {phase.LagMissed}; from the award's call p50 {phase.LagFromCallP50Ms:F0} ms, p99 {phase.LagFromCallP99Ms:F0} ms" : "")}"));
        }
    }

    private static string Show(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "0" : string.Join(" ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}:{c.Value}"));

    private static Dictionary<string, int> Count(IEnumerable<Event> events) =>
        events.GroupBy(e => e.Status ?? "?").ToDictionary(g => g.Key, g => g.Count());

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    /// <summary>
    /// The longest stretch without an event that began in [start, stop) (between two events, or from the last event to
    /// the end of the run); a stretch that began before the phase counts from the phase's start.
    /// </summary>
    private static TimeSpan LongestGap(IEnumerable<TimeSpan> times, TimeSpan start, TimeSpan stop, TimeSpan end)
    {
        var points = times.Append(end).ToList();
        var longest = TimeSpan.Zero;
        for (var k = 0; k + 1 < points.Count; k++)
        {
            var (from, to) = (points[k], points[k + 1]);
            if (from >= start && from < stop)
            {
                longest = to - from > longest ? to - from : longest;
            }
            else if (from < start && to > start)
            {
                longest = to - start > longest ? to - start : longest;
            }
        }

        return longest;
    }

    private enum EventKind
    {
        Ack,
        AckRetried,
        Failed,
        Refused,
        Watch,
        WatchError,
        Lag,
        LagFromCall,
        LagMissed,
    }

    private sealed record Event(TimeSpan At, string Kind, EventKind What, string? Status, double Value);
}

public sealed record WriteFigures(
    string Kind, int Acknowledged, double PerSecond, double P50Ms, double P90Ms, double P99Ms, double MaxMs,
    IReadOnlyDictionary<string, int> FailedAttempts, int RetriedThenAcknowledged, IReadOnlyDictionary<string, int> Refused, double LongestGapS);

public sealed record PhaseReport(
    string Name, double StartS, double DurationS, string? Note, IReadOnlyList<WriteFigures> Writes,
    double WatchLongestGapS, int WatchUpdates, IReadOnlyDictionary<string, int> WatchErrors,
    int LagSamples, double LagP50Ms, double LagP99Ms, double LagMaxMs, int LagMissed, double LagFromCallP50Ms, double LagFromCallP99Ms);
