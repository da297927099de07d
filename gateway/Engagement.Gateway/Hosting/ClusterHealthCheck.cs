using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Engagement.Gateway;

/// <summary>
/// Serving means the gateway reaches an active silo of the cluster, not merely that Kestrel is up. A healthy answer
/// is reused for a second, so probes at any rate cost the cluster at most one call a second.
/// </summary>
public sealed class ClusterHealthCheck(IGrainFactory grains, TimeProvider time) : IHealthCheck
{
    private static readonly TimeSpan Reuse = TimeSpan.FromSeconds(1);
    private volatile Snapshot? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_last is { } last && time.GetUtcNow() - last.At < Reuse)
        {
            return last.Result;
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, timeout.Token);
            if (hosts.Count == 0)
            {
                return HealthCheckResult.Unhealthy("No active silo.");
            }

            var healthy = HealthCheckResult.Healthy($"{hosts.Count} active silo(s)");
            _last = new Snapshot(time.GetUtcNow(), healthy);
            return healthy;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The cluster is unreachable.", e);
        }
    }

    /// <summary>Replaced as a whole, so concurrent probes never see half of one.</summary>
    private sealed record Snapshot(DateTimeOffset At, HealthCheckResult Result);
}
