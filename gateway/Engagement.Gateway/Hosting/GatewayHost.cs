namespace Engagement.Gateway;

/// <summary>The standalone gateway: a stateless Orleans client of the cluster that serves the gRPC API.</summary>
public static class GatewayHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        PortCheck.ThrowIfTaken(builder.Configuration, silo: false);
        builder.UseOrleansClient(client => client.UseEngagementCluster(builder.Configuration));
        builder.AddEngagementGateway();
        var app = builder.Build();
        app.MapEngagementGateway();
        return app;
    }
}
