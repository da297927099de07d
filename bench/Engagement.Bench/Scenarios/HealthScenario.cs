using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Engagement.Bench;

/// <summary>The gRPC ceiling on this machine: the node's health check, which touches no grain state.</summary>
public static class HealthScenario
{
    public static async Task<ScenarioResult> RunAsync(GrpcChannel channel, BenchOptions options)
    {
        var health = new Health.HealthClient(channel);
        var (recorder, elapsed) = await Load.RunAsync(options.Concurrency, options.Duration, long.MaxValue,
            async _ => await health.CheckAsync(new HealthCheckRequest()));
        return recorder.Result("health (gRPC ceiling)", elapsed, "grpc.health.v1 Check: the gateway + one cluster probe");
    }
}
