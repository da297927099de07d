using Engagement.Gateway;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Engagement.Silo;

/// <summary>The all-in-one node: an Orleans silo and the gRPC gateway in one process.</summary>
public static partial class NodeHost
{
    /// <summary>
    /// Builds the node from <paramref name="args"/> (and appsettings.json / environment). The database is opened and
    /// migrated before Orleans starts. <paramref name="configure"/> lets tests replace services, e.g. the clock.
    /// </summary>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        var storage = StorageSettings.From(builder.Configuration);
        PortCheck.ThrowIfTaken(builder.Configuration, silo: true, postgres: storage.IsPostgres);
        SilenceStartupWatchdog(builder.Logging);
        var dataSource = await SiloHosting.OpenDatabaseAsync(builder.Configuration, storage, cancellationToken);
        builder.Services.AddSingleton(_ => dataSource);
        builder.Services.TryAddSingleton(DomainClock.System);
        builder.UseOrleans(silo => silo.UseEngagementSilo(builder.Configuration, storage, dataSource).AddEngagementDashboard(builder.Configuration));
        builder.AddEngagementGateway();
        SiloReadiness.AddTo(builder.Services);
        var app = builder.Build();
        app.MapEngagementDashboard();
        app.MapEngagementGateway();
        LogStorage(app.Logger, storage.IsPostgres ? "PostgreSQL" : "SQLite", storage.IsPostgres ? "(connection string)" : StorageSettings.DataDirectory(builder.Configuration));
        return app;
    }

    /// <summary>
    /// Orleans' watchdog (10.4) starts its platform thread before it stamps the component check's start, so its first tick
    /// can warn "Participant check thread has not completed for [hours: the machine's uptime]" on every start. That warning
    /// and any stall warning while the node starts (JIT, opening the database) say nothing about a running node; from
    /// <see cref="WatchdogQuietPeriod"/> after start on, the watchdog's warnings are logged as Orleans writes them.
    /// </summary>
    private static void SilenceStartupWatchdog(ILoggingBuilder logging)
    {
        var sinceStart = System.Diagnostics.Stopwatch.StartNew();
        logging.AddFilter("Orleans.Runtime.Watchdog", level => level >= LogLevel.Error || (level >= LogLevel.Warning && sinceStart.Elapsed > WatchdogQuietPeriod));
    }

    /// <summary>How long after start the watchdog's warnings are not logged (see <see cref="SilenceStartupWatchdog"/>).</summary>
    public static readonly TimeSpan WatchdogQuietPeriod = TimeSpan.FromSeconds(30);

    [LoggerMessage(Level = LogLevel.Information, Message = "Engagement node storing state in {Provider} at {Location}")]
    private static partial void LogStorage(ILogger logger, string provider, string location);
}
