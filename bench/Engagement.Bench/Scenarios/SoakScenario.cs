using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Engagement.V1;
using Grpc.Net.Client;

namespace Engagement.Bench;

/// <summary>
/// A long steady load with a node restart in the middle (bench/run-soak.sh): <c>--members</c> seeded, awards at
/// <c>--rate</c> for <c>--duration</c> seconds (half before the restart, half after the node serves again), the
/// restart asked of the script through <c>--control</c> (without it: no restart). A watch on the park's all-time board
/// (top 100) is held throughout; 5 times a second a sample award lifts one of 20 sample members (who get no other
/// awards) to the top, and the board lag is the time from its acknowledgement to the watch showing the new score (0 when
/// the update arrived first), also given from the award's call (the award's own latency included).
/// Reported: lag p50/p99 before, during and after the restart, watch errors (an embedded node's restart ends the
/// stream once: one reconnect), the end's checks (boards = ledgers, 0 lost, 0 doubled), node CPU and peak RSS.
/// </summary>
public static class SoakScenario
{
    private const int SampleMembers = 20;
    private const double SamplesPerSecond = 5;
    private static readonly TimeSpan SampleDeadline = TimeSpan.FromSeconds(30);

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(GrpcChannel channel, Tokens tokens, BenchOptions options)
    {
        var members = Math.Max(options.Members, SampleMembers + 1);
        var park = await Park.SeedAsync(channel, tokens, members, options.Concurrency, $"{Park.RunId()}-soak");
        var timeline = new Timeline();
        await using var usage = options.NodePids is { Count: > 0 } pids ? new ProcessUsage(pids) : null;
        var cpuBefore = usage?.CpuSeconds() ?? 0;
        var boards = new V1.LeaderboardService.LeaderboardServiceClient(channel);
        await using var watch = await BoardWatcher.OpenAsync(boards, new WatchLeaderboardRequest
        {
            Scope = LeaderboardScope.ParkMembers, ScopeId = park.Id, Period = LeaderboardPeriod.All, Top = 100,
        }, Park.Bearer(park.AdminToken), timeline);

        // Sample awards waiting to be seen: member -> (score to show, when the watch showed it).
        var pending = new ConcurrentDictionary<string, (long Score, TaskCompletionSource<TimeSpan> Seen)>();
        watch.Updated += (update, at) =>
        {
            foreach (var entry in update.Entries)
            {
                if (pending.TryGetValue(entry.MemberId, out var p) && entry.Score >= p.Score)
                {
                    p.Seen.TrySetResult(at);
                }
            }
        };

        using var stop = new CancellationTokenSource();
        var awards = new Awards(channel, park, timeline, "soak");
        var restarted = false;
        timeline.Begin(options.Control is null ? "steady (no --control: no restart)" : "before the restart");
        var awarding = awards.RunAsync([.. park.Members.Skip(SampleMembers)], options.Rate, options.Concurrency, stop.Token);
        var sampling = SampleAsync(park, awards, watch, pending, timeline, stop.Token);

        var half = options.Duration / 2;
        await Task.Delay(half);
        if (options.Control is { } directory)
        {
            var control = new Control(directory);
            timeline.Begin("restart");
            var asked = timeline.Now;
            await control.RequestAsync("stop", 0);
            var down = timeline.Now;
            timeline.Note(string.Create(CultureInfo.InvariantCulture, $"stopped in {(down - asked).TotalSeconds:F1} s"));
            var pid = await control.RequestAsync("start", 0);
            usage?.Replace(0, pid);
            timeline.Note(string.Create(CultureInfo.InvariantCulture, $"started and ready in {(timeline.Now - down).TotalSeconds:F1} s"));
            timeline.Begin("after the restart");
            restarted = true;
        }

        await Task.Delay(options.Duration - half);
        await stop.CancelAsync();
        await Task.WhenAll(awarding, sampling);
        timeline.End();
        var loadEnded = timeline.Now;
        NodeUsage? node = null;
        if (usage is not null)
        {
            var cpu = usage.CpuSeconds() - cpuBefore;
            node = new NodeUsage(cpu, cpu / loadEnded.TotalSeconds, usage.PeakRssMiB);
        }

        var checks = new EndChecks(channel, park);
        await checks.RunAsync(awards.Acknowledged, loadEnded, timeline, watch);
        var allowed = restarted ? 1 : 0;
        checks.Problem("watch errors beyond the restart's reconnect", Math.Max(0, watch.Errors - allowed));

        var phases = timeline.Phases();
        Timeline.Print("soak", phases);
        foreach (var phase in phases.Where(p => p.LagSamples > 0))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"soak: board lag {phase.Name}: p50 {phase.LagP50Ms:F0} ms, p99 {phase.LagP99Ms:F0} ms ({(phase.LagP99Ms <= 1000 ? "≤ 1 s" : "OVER 1 s")}), max {phase.LagMaxMs:F0} ms, {phase.LagSamples} samples, {phase.LagMissed} not seen within {SampleDeadline.TotalSeconds:0} s; from the award's call (its latency included) p50 {phase.LagFromCallP50Ms:F0} ms, p99 {phase.LagFromCallP99Ms:F0} ms"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"soak: {members} members, {awards.Acknowledged.Count} awards acknowledged in {loadEnded.TotalSeconds:F0} s; watch errors {watch.Errors} (allowed: {allowed}){(node is null ? "" : $"; node CPU {node.CpuSeconds:F0} s = {node.CpuCoresUsed:F2} cores, peak RSS {node.PeakRssMiB} MiB")}"));
        foreach (var line in checks.Lines)
        {
            Console.WriteLine($"soak: {line}");
        }

        var results = PhaseResults.Of("soak", phases, node);
        results.AddRange(phases.Where(p => p.LagSamples > 0).Select(p => new ScenarioResult(
            $"soak: board lag {p.Name}", p.LagSamples, p.LagSamples / Math.Max(0.001, p.DurationS), p.LagP50Ms, p.LagP50Ms, p.LagP99Ms, p.LagMaxMs,
            p.LagMissed == 0 ? new Dictionary<string, int>() : new Dictionary<string, int> { ["not seen"] = p.LagMissed },
            "award acknowledged -> WatchLeaderboard shows it (p90 column: p50)") { Node = node }));
        results.Add(PhaseResults.Checks("soak", checks, awards.Acknowledged.Count, node));
        return results;
    }

    /// <summary>5 a second: the next idle sample member gets enough points to top the board; its lag is measured.</summary>
    private static async Task SampleAsync(Park park, Awards awards, BoardWatcher watch, ConcurrentDictionary<string, (long Score, TaskCompletionSource<TimeSpan> Seen)> pending, Timeline timeline, CancellationToken stop)
    {
        var totals = new long[SampleMembers];
        var busy = new int[SampleMembers];
        var running = new List<Task>();
        var clock = Stopwatch.StartNew();
        for (var k = 0; !stop.IsCancellationRequested; k++)
        {
            var wait = TimeSpan.FromSeconds(k / SamplesPerSecond) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            var slot = k % SampleMembers;
            if (Interlocked.CompareExchange(ref busy[slot], 1, 0) != 0)
            {
                continue; // its previous sample is still waiting to be seen
            }

            var key = k;
            running.Add(Task.Run(async () =>
            {
                try
                {
                    var member = park.Members[slot];
                    var top = watch.Latest?.Entries.FirstOrDefault()?.Score ?? 0;
                    var amount = Math.Max(1, top - totals[slot] + 1);
                    var seen = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
                    pending[member] = (totals[slot] + amount, seen);
                    var called = timeline.Now;
                    if (!await awards.AwardAsync(member, amount, $"soak-lag-{key}"))
                    {
                        return;
                    }

                    var acknowledged = timeline.Now;
                    totals[slot] += amount;
                    try
                    {
                        var at = await seen.Task.WaitAsync(SampleDeadline);
                        timeline.Lag(acknowledged, Math.Max(0, (at - acknowledged).TotalMilliseconds));
                        timeline.LagFromCall(acknowledged, (at - called).TotalMilliseconds);
                    }
                    catch (TimeoutException)
                    {
                        timeline.LagMissed(acknowledged);
                    }
                }
                finally
                {
                    pending.TryRemove(park.Members[slot], out _);
                    Volatile.Write(ref busy[slot], 0);
                }
            }, CancellationToken.None));
        }

        await Task.WhenAll(running);
    }
}
