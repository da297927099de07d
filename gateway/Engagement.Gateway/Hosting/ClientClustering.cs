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

        if (OperationsOptions.From(configuration).OtlpEndpoint is not null)
        {
            client.AddActivityPropagation(); // traces follow calls from this gateway into the silos
        }

        // Live watches reach the gateway as grain observers (LiveHub), not streams: a gateway needs no stream provider.
        return client;
    }
}
