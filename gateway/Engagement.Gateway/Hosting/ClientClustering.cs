using Orleans.Configuration;

namespace Engagement.Gateway;

/// <summary>How a standalone gateway finds the silos: PostgreSQL membership, or the single local node.</summary>
public static class ClientClustering
{
    public static IClientBuilder UseEngagementCluster(this IClientBuilder client, IConfiguration configuration)
    {
        var cluster = configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        var storage = StorageSettings.From(configuration);
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });
        GrainInterfaceTypeCache.AddTo(client.Services);
        if (storage.IsPostgres)
        {
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = storage.ConnectionString;
            });
        }
        else
        {
            client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
        }

        // Watch streams (redemption status) reach the gateway through the same stream provider as in the silos.
        client.AddMemoryStreams(StorageNames.Streams);
        return client;
    }
}
