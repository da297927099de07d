using System.Globalization;

namespace Engagement.Bench;

/// <summary>
/// CPU and peak memory of node processes that are restarted during a run (rolling, soak): each slot's current process
/// id, replaced after a restart, sampled from /proc every second, so the CPU a process used before it stopped still
/// counts. CPU is the sum over all processes; peak RSS the largest sum of the slots' peaks seen at one sample.
/// </summary>
public sealed class ProcessUsage : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly int[] _pids;
    private readonly Dictionary<int, double> _lastCpu = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakRssMiB;

    public ProcessUsage(IReadOnlyList<int> pids)
    {
        _pids = [.. pids];
        Sample();
        _sampling = SampleAsync();
    }

    /// <summary>CPU seconds used by every process seen so far.</summary>
    public double CpuSeconds()
    {
        Sample();
        lock (_gate)
        {
            return _lastCpu.Values.Sum();
        }
    }

    public long PeakRssMiB
    {
        get
        {
            lock (_gate)
            {
                return _peakRssMiB;
            }
        }
    }

    /// <summary>The slot's process was replaced (a start after a stop or kill).</summary>
    public void Replace(int slot, int pid)
    {
        Sample();
        lock (_gate)
        {
            if (slot < _pids.Length)
            {
                _pids[slot] = pid;
            }
        }

        Sample();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), _stop.Token);
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // Done.
        }
    }

    private void Sample()
    {
        lock (_gate)
        {
            long rss = 0;
            foreach (var pid in _pids)
            {
                try
                {
                    var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    _lastCpu[pid] = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
                    var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                    rss += long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
                {
                    // Gone (stopped, killed): its last sample stays counted.
                }
            }

            _peakRssMiB = Math.Max(_peakRssMiB, rss);
        }
    }
}
