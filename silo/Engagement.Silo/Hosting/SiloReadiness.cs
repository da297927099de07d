using Engagement.Gateway;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Engagement.Silo;

/// <summary>Ready only while this node's silo is Active in the cluster: not while it joins, nor once it is shutting down.</summary>
public sealed class SiloReadiness(ISiloStatusOracle silo) : IHealthCheck
{
    public static void AddTo(IServiceCollection services) => services.AddHealthChecks().AddCheck<SiloReadiness>("silo", tags: [Readiness.Tag]);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(silo.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo {silo.SiloAddress} is active.")
            : HealthCheckResult.Unhealthy($"Silo {silo.SiloAddress} is {silo.CurrentStatus}."));
}
