using System.Diagnostics;
using System.Globalization;

namespace Engagement.Bench;

/// <summary>
/// How a scenario asks the script that started the node(s) to stop, kill or start one of them (rolling, soak): two
/// plain files in <c>--control DIR</c>. The bench appends a request line <c>SEQ VERB SLOT</c> to <c>DIR/requests</c>
/// (VERB: <c>stop</c> = SIGTERM and wait for the exit, <c>kill</c> = SIGKILL and wait, <c>start</c> = start it again and
/// wait until its <c>/healthz/ready</c> answers 200); the script does it and appends <c>SEQ ok PID</c> (the slot's
/// process id, new after a start) or <c>SEQ failed WHY</c> to <c>DIR/replies</c>. The script keeps every process id
/// (taken from the shell) and is the only one that signals processes; both files stay as a log of the run.
/// </summary>
public sealed class Control(string directory)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private int _sequence;

    public string Directory { get; } = directory;

    /// <summary>Asks for <paramref name="verb"/> on <paramref name="slot"/>; returns the slot's process id once done.</summary>
    public async Task<int> RequestAsync(string verb, int slot)
    {
        var sequence = ++_sequence;
        var replies = Path.Combine(Directory, "replies");
        await File.AppendAllTextAsync(Path.Combine(Directory, "requests"), string.Create(CultureInfo.InvariantCulture, $"{sequence} {verb} {slot}\n"));
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Timeout)
        {
            if (File.Exists(replies))
            {
                var reply = (await File.ReadAllLinesAsync(replies)).Select(l => l.Split(' ', 3)).FirstOrDefault(p => p[0] == sequence.ToString(CultureInfo.InvariantCulture));
                if (reply is not null)
                {
                    return reply.Length == 3 && reply[1] == "ok" && int.TryParse(reply[2], CultureInfo.InvariantCulture, out var pid)
                        ? pid
                        : throw new InvalidOperationException($"The script could not {verb} slot {slot}: {string.Join(' ', reply.Skip(1))}");
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The script did not answer '{verb} {slot}' within {Timeout.TotalMinutes:0} minutes (is it serving {Directory}?).");
    }
}
