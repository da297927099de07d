using System.Diagnostics;

namespace Engagement.EndToEnd;

/// <summary>The benchmark tool works end to end (a seconds-long smoke run; the real runs are README's).</summary>
[Collection(NodeCollection.Name)]
public sealed class BenchmarkSmokeTests(NodeFixture fixture)
{
    [Fact]
    public async Task EveryScenarioRunsAgainstANodeAndPrintsTheTable()
    {
        var json = Path.Combine(fixture.Node.DataDirectory, "bench.json");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[BuildOutput.Of("bench/Engagement.Bench"), "all", "--target", fixture.Node.GrpcAddress.ToString(), "--key-file", Path.Combine(fixture.Node.DataDirectory, "dev-signing-key"),
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
        Assert.Contains("| mixed: all calls |", table, StringComparison.Ordinal);
        Assert.Contains("| mixed: event check-in |", table, StringComparison.Ordinal);
        Assert.Contains("| redeem: validate+confirm @50/s | 30 |", table, StringComparison.Ordinal);
        Assert.Contains("| leaderboard: award to watcher | 20 |", table, StringComparison.Ordinal);
        Assert.Contains("| ledger-depth: entries 21-220 |", table, StringComparison.Ordinal);
        Assert.Contains("\"P99Ms\"", await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
