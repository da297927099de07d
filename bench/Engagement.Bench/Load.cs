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
}
