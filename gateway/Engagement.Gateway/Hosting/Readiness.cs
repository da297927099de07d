using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Engagement.Gateway;

/// <summary>
/// Turns readiness off as soon as the process begins to stop and, when <see cref="OperationsOptions.ShutdownDelay"/> is
/// set, holds the stop for that long before anything (the silo, Kestrel) shuts down: the orchestrator sees 503 on
/// <c>/healthz/ready</c> and stops routing here while every request still succeeds.
/// </summary>
public sealed partial class Readiness(IHostApplicationLifetime lifetime, OperationsOptions options, ILogger<Readiness> logger)
    : IHostedLifecycleService, IHealthCheck
{
    public const string Tag = "ready";

    private volatile bool _draining;

    public bool Draining => _draining || lifetime.ApplicationStopping.IsCancellationRequested;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Draining ? HealthCheckResult.Unhealthy("The process is shutting down.") : HealthCheckResult.Healthy("Not shutting down."));

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        if (options.ShutdownDelay > TimeSpan.Zero)
        {
            LogDraining(logger, options.ShutdownDelay);
            try
            {
                await Task.Delay(options.ShutdownDelay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // the host's shutdown timeout ran out first
            }
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: not ready; leaving the cluster in {Delay}")]
    private static partial void LogDraining(ILogger logger, TimeSpan delay);
}
