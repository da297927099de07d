using System.Diagnostics;

namespace Engagement.EndToEnd;

/// <summary>
/// The benchmark tool works end to end (a seconds-long smoke run; the real runs are README's). It gets a node of its
/// own (a real process on the real clock), because the bench plans events and course playback by the real clock.
/// </summary>
public sealed class BenchmarkSmokeTests
{
    [Fact]
    public async Task EveryScenarioRunsAgainstANodeAndPrintsTheTable()
    {
        var directory = Directory.CreateTempSubdirectory("engagement-bench-").FullName;
        var settings = new NodeSettings(directory, []);
        await using var node = await NodeProcess.StartAsync(settings);
        var json = Path.Combine(directory, "bench.json");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[BuildOutput.Of("bench/Engagement.Bench"), "all", "--target", $"http://127.0.0.1:{settings.GrpcPort}", "--key-file", Path.Combine(directory, "dev-signing-key"),
                     "--members", "30", "--count", "30", "--rate", "50", "--depth", "220", "--duration", "1", "--concurrency", "8", "--parks", "1,2", "--settle", "1", "--json", json])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 0, await error);
        var table = await output;
        Assert.Contains("| health (gRPC ceiling) |", table, StringComparison.Ordinal);
        Assert.Contains("| checkin | 30 |", table, StringComparison.Ordinal);
        Assert.Contains("| mixed: all |", table, StringComparison.Ordinal);
        Assert.Contains("| mixed: event |", table, StringComparison.Ordinal);
        Assert.Contains("| redeem: validate+confirm @50/s | 30 |", table, StringComparison.Ordinal);
        Assert.Contains("| leaderboard: award to watcher | 20 |", table, StringComparison.Ordinal);
        Assert.Contains("| ledger-depth: entries 21-220 |", table, StringComparison.Ordinal);
        Assert.Contains("| parks: 1 × 30 members @50/s | 30 |", table, StringComparison.Ordinal);
        Assert.Contains("| parks: 2 × 15 members @50/s | 30 |", table, StringComparison.Ordinal);
        Assert.Contains("parks: 2 parks vs 1 park: node CPU per check-in unknown (pass --node-pid), p99 ", table, StringComparison.Ordinal);
        Assert.Contains("\"P99Ms\"", await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    /// <summary>
    /// The soak at a tiny size, this test acting as bench/run-soak.sh: it serves the bench's control files, stopping
    /// the node with SIGTERM and starting it again on the same data when asked.
    /// </summary>
    [Fact]
    public async Task TheSoakRestartsTheNodeWhenItAsksAndFindsNothingLost()
    {
        var directory = Directory.CreateTempSubdirectory("engagement-soak-").FullName;
        var control = Directory.CreateDirectory(Path.Combine(directory, "control")).FullName;
        var settings = new NodeSettings(directory, []);
        var node = await NodeProcess.StartAsync(settings);
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in (string[])[BuildOutput.Of("bench/Engagement.Bench"), "soak", "--target", $"http://127.0.0.1:{settings.GrpcPort}", "--key-file", Path.Combine(directory, "dev-signing-key"),
                         "--members", "40", "--rate", "20", "--duration", "4", "--concurrency", "4", "--control", control])
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            var handled = 0;
            while (!process.HasExited)
            {
                var requests = File.Exists(Path.Combine(control, "requests")) ? await File.ReadAllLinesAsync(Path.Combine(control, "requests"), TestContext.Current.CancellationToken) : [];
                for (; handled < requests.Length; handled++)
                {
                    var (sequence, verb) = (requests[handled].Split(' ')[0], requests[handled].Split(' ')[1]);
                    if (verb == "stop")
                    {
                        await node.StopAsync(TimeSpan.FromSeconds(90));
                        await node.DisposeAsync();
                    }
                    else
                    {
                        node = await NodeProcess.StartAsync(settings);
                    }

                    // No pid to report: this test does not pass --node-pid.
                    await File.AppendAllTextAsync(Path.Combine(control, "replies"), $"{sequence} ok 0\n", TestContext.Current.CancellationToken);
                }

                await Task.Delay(100, TestContext.Current.CancellationToken);
            }

            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            var report = await output;
            Assert.True(process.ExitCode == 0, report + await error);
            Assert.Equal(["1 stop 0", "2 start 0"], await File.ReadAllLinesAsync(Path.Combine(control, "requests"), TestContext.Current.CancellationToken));
            Assert.Contains("soak: before the restart (from ", report, StringComparison.Ordinal);
            Assert.Contains("soak: after the restart (from ", report, StringComparison.Ordinal);
            Assert.Contains("soak: board lag after the restart: p50 ", report, StringComparison.Ordinal);
            Assert.Contains(" 0 lost, 0 doubled, 0 not acknowledged, 0 with another amount; 0 balances differing", report, StringComparison.Ordinal);
            Assert.Contains(": 15 equal at the first read", report, StringComparison.Ordinal);
            Assert.Contains("soak: watch held through the run shows the final totals", report, StringComparison.Ordinal);
            Assert.Contains("; watch errors 1 (allowed: 1)", report, StringComparison.Ordinal);
            Assert.Contains("| soak: end checks |", report, StringComparison.Ordinal);
        }
        finally
        {
            await node.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task WithoutANodeTheBenchSaysSoInOneSentenceAndExitsNonZero()
    {
        var port = FreePorts.Next();
        var (exitCode, output, error) = await RunBenchAsync("health", "--target", $"http://127.0.0.1:{port}", "--wait", "1");

        Assert.Equal(3, exitCode);
        Assert.Empty(output.Trim());
        Assert.Equal($"No node answers at http://127.0.0.1:{port}/ (waited 1 s): start one (dotnet run --project silo/Engagement.Silo) or pass its address with --target.", error.Trim());
    }

    [Fact]
    public async Task WithoutTheNodesKeyTheBenchSaysSoInOneSentenceAndExitsNonZero()
    {
        var directory = Directory.CreateTempSubdirectory("engagement-bench-key-").FullName;
        try
        {
            var settings = new NodeSettings(directory, []);
            await using var node = await NodeProcess.StartAsync(settings);
            var missing = Path.Combine(directory, "elsewhere", "dev-signing-key");

            var (exitCode, _, error) = await RunBenchAsync("checkin", "--target", $"http://127.0.0.1:{settings.GrpcPort}", "--key-file", missing);

            Assert.Equal(3, exitCode);
            Assert.Equal($"No signing key at {missing}: pass the node's key with --key-file (it is dev-signing-key in the node's data directory, created at its first start).", error.Trim());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunBenchAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(BuildOutput.Of("bench/Engagement.Bench"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
