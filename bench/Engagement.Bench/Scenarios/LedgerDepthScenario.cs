using Engagement.V1;
using Grpc.Net.Client;

namespace Engagement.Bench;

/// <summary>
/// Does an award cost more when the member's ledger is long? One member receives N adjustments in a row; the
/// first 200 and the last 200 are compared.
/// </summary>
public static class LedgerDepthScenario
{
    private const int Window = 200;

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(GrpcChannel channel, Park park, BenchOptions options)
    {
        var points = new PointsService.PointsServiceClient(channel);
        var admin = Park.Bearer(park.AdminToken);
        var member = park.Members[0];
        var first = new LatencyRecorder();
        var last = new LatencyRecorder();
        var firstLatencies = first.NewWorker();
        var lastLatencies = last.NewWorker();
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < options.Depth; i++)
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            await points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = member, Amount = 1, Reason = "ledger depth", IdempotencyKey = $"depth-{i}" }, admin);
            var ms = LatencyRecorder.ElapsedMs(start);
            if (i < Window)
            {
                firstLatencies.Add(ms);
            }
            else if (i >= options.Depth - Window)
            {
                lastLatencies.Add(ms);
            }
        }

        var perOp = started.Elapsed / options.Depth;
        return
        [
            first.Result($"ledger-depth: entries 1-{Window}", perOp * Window, "one member, sequential adjustments"),
            last.Result($"ledger-depth: entries {options.Depth - Window + 1}-{options.Depth}", perOp * Window, "same member, same calls"),
        ];
    }
}
