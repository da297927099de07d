using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Engagement.Bench;

/// <summary>The gRPC ceiling on this machine: the node's health check, which touches no grain state, after a warm-up.</summary>
public static class HealthScenario
{
    public static async Task<ScenarioResult> RunAsync(GrpcChannel channel, BenchOptions options)
    {
        var health = new Health.HealthClient(channel);
        // Unmeasured warm-up first (JIT, connections): a cold ceiling would flatter every ratio measured after it.
        await Load.RunAsync(options.Concurrency, TimeSpan.FromSeconds(Math.Min(3, options.Duration.TotalSeconds / 3)), long.MaxValue,
            async _ => await health.CheckAsync(new HealthCheckRequest()));
        var (recorder, elapsed) = await Load.RunAsync(options.Concurrency, options.Duration, long.MaxValue,
            async _ => await health.CheckAsync(new HealthCheckRequest()));
        return recorder.Result("health (gRPC ceiling)", elapsed, "grpc.health.v1 Check: the gateway + one cluster probe");
    }
}
