using System.Diagnostics;

namespace Engagement.Bench;

/// <summary>Runs an operation from N concurrent workers for a duration or a number of calls, recording each.</summary>
public static class Load
{
    /// <summary>
    /// <paramref name="operation"/> gets a global operation number; it runs until <paramref name="count"/> calls
    /// were started or <paramref name="duration"/> passed, whichever comes first.
    /// </summary>
    public static async Task<(LatencyRecorder Recorder, TimeSpan Elapsed)> RunAsync(int concurrency, TimeSpan duration, long count, Func<long, Task> operation)
    {
        var recorder = new LatencyRecorder();
        var next = -1L;
        var stopwatch = Stopwatch.StartNew();
        var deadline = duration;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var latencies = recorder.NewWorker();
            while (stopwatch.Elapsed < deadline)
            {
                var n = Interlocked.Increment(ref next);
                if (n >= count)
                {
                    return;
                }

                var start = Stopwatch.GetTimestamp();
                try
                {
                    await operation(n);
                    latencies.Add(LatencyRecorder.ElapsedMs(start));
                }
                catch (Exception e)
                {
                    recorder.Error(e);
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        return (recorder, stopwatch.Elapsed);
    }

    /// <summary>
    /// Open loop: starts operation n at <c>n / rate</c> seconds whatever the previous ones are doing, and measures each
    /// from its scheduled start (so queueing delay counts: no coordinated omission).
    /// </summary>
    public static async Task<(LatencyRecorder Recorder, TimeSpan Elapsed)> RunAtRateAsync(double rate, long count, Func<long, Task> operation)
    {
        var recorder = new LatencyRecorder();
        var latencies = recorder.NewWorker();
        var gate = new object();
        var stopwatch = Stopwatch.StartNew();
        var running = new List<Task>();
        for (long n = 0; n < count; n++)
        {
            var due = TimeSpan.FromSeconds(n / rate);
            var wait = due - stopwatch.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var scheduled = Stopwatch.GetTimestamp() - (long)((stopwatch.Elapsed - due).TotalSeconds * Stopwatch.Frequency);
            var index = n;
            running.Add(Task.Run(async () =>
            {
                try
                {
                    await operation(index);
                    var ms = LatencyRecorder.ElapsedMs(scheduled);
                    lock (gate)
                    {
                        latencies.Add(ms);
                    }
                }
                catch (Exception e)
                {
                    recorder.Error(e);
                }
            }));
        }

        await Task.WhenAll(running);
        return (recorder, stopwatch.Elapsed);
    }
}
