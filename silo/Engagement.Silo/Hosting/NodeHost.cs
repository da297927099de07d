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

    [LoggerMessage(Level = LogLevel.Information, Message = "Engagement node storing state in {Provider} at {Location}")]
    private static partial void LogStorage(ILogger logger, string provider, string location);
}
