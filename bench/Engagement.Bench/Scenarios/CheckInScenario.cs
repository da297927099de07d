using Engagement.V1;
using Grpc.Net.Client;

namespace Engagement.Bench;

/// <summary>The morning surge: every seeded member checks in once, as many at a time as the concurrency allows.</summary>
public static class CheckInScenario
{
    public static async Task<ScenarioResult> RunAsync(GrpcChannel channel, Tokens tokens, Park park, BenchOptions options)
    {
        var points = new PointsService.PointsServiceClient(channel);
        var headers = park.Members.Select(m => Park.Bearer(tokens.Mint(m, $"member:{m}"))).ToArray();
        var (recorder, elapsed) = await Load.RunAsync(options.Concurrency, TimeSpan.FromHours(1), park.Members.Count,
            async n => await points.CheckInAsync(new CheckInRequest { IdempotencyKey = $"bench-{n}" }, headers[n]));
        return recorder.Result("checkin", elapsed, $"{park.Members.Count} members, each one durable check-in");
    }
}
