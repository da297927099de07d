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
                     "--members", "30", "--count", "30", "--rate", "50", "--depth", "220", "--duration", "1", "--concurrency", "8", "--json", json])
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
        Assert.Contains("\"P99Ms\"", await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
