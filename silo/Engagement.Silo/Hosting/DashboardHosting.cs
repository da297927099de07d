using System.Net;
using Engagement.Gateway;
using Orleans.Dashboard;

namespace Engagement.Silo;

/// <summary>
/// The Orleans dashboard at <c>/orleans-dashboard/</c> on the node's HTTP/1.1 port: on by default in development auth mode,
/// otherwise when <c>Engagement:Dashboard:Enabled=true</c>. It answers only requests from the node's own machine
/// (a loopback address); others get 404 — reach it through an SSH tunnel or a port-forward.
/// </summary>
public static class DashboardHosting
{
    public const string Path = "/orleans-dashboard";

    public static bool Enabled(IConfiguration configuration) =>
        configuration.GetValue<bool?>("Engagement:Dashboard:Enabled") ?? OperationsOptions.IsDevelopmentAuth(configuration);

    public static ISiloBuilder AddEngagementDashboard(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (Enabled(configuration))
        {
            silo.AddDashboard();
        }

        return silo;
    }

    public static WebApplication MapEngagementDashboard(this WebApplication app)
    {
        if (!Enabled(app.Configuration))
        {
            return app;
        }

        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase)
                && context.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });
        app.MapOrleansDashboard(routePrefix: Path).AllowAnonymous(); // loopback only (above), like the node's own console
        return app;
    }
}
