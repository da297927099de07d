using System.Globalization;

namespace Engagement.Bench;

/// <summary>
/// CPU time and peak resident memory of the node's processes, from /proc (Linux, same machine). With several
/// processes (the silos of a cluster) CPU is their sum and peak memory the sum of each one's peak.
/// </summary>
public sealed class NodeStats(IReadOnlyList<int> pids)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public double CpuSeconds() => pids.Sum(pid =>
    {
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // After "pid (comm)": state is [0], utime [11], stime [12].
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    });

    public long PeakRssMiB() => pids.Sum(pid =>
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    });
}
