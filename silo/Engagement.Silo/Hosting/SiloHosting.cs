using System.Data.Common;
using System.Net;
using Engagement.Gateway;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Storage;

namespace Engagement.Silo;

/// <summary>The Orleans side of a node: clustering, grain storage, reminders and streams, chosen by configuration.</summary>
public static class SiloHosting
{
    private const string SqliteInvariant = "System.Data.SQLite"; // Orleans maps it to Microsoft.Data.Sqlite
    private const string PostgresInvariant = "Npgsql";

    /// <summary>Opens the node's database and brings it to our schema; the caller owns (disposes) the source.</summary>
    public static async Task<DbDataSource> OpenDatabaseAsync(IConfiguration configuration, StorageSettings storage, CancellationToken cancellationToken = default)
    {
        DbDataSource dataSource;
        if (storage.IsPostgres)
        {
            dataSource = NpgsqlDataSource.Create(storage.ConnectionString!);
        }
        else
        {
            var directory = StorageSettings.DataDirectory(configuration);
            Directory.CreateDirectory(directory);
            dataSource = SqliteDataSource.ForFile(Path.Combine(directory, "engagement.db"));
        }

        try
        {
            await DatabaseSchema.ApplyAsync(dataSource, storage.IsPostgres ? StorageSettings.Postgres : StorageSettings.Sqlite, cancellationToken);
            return dataSource;
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }

    public static ISiloBuilder UseEngagementSilo(this ISiloBuilder silo, IConfiguration configuration, StorageSettings storage, DbDataSource dataSource)
    {
        var cluster = configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        var invariant = storage.IsPostgres ? PostgresInvariant : SqliteInvariant;
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });

        if (storage.IsPostgres)
        {
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = invariant;
                o.DataSource = dataSource;
            });
            var advertised = IPAddress.Parse(cluster.AdvertisedAddress ?? IPAddress.Loopback.ToString());
            silo.ConfigureEndpoints(advertised, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(advertised));
        }
        else
        {
            // One node: SQLite membership would make a restarted node wait out its dead predecessor (~100 s).
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
        }

        GrainInterfaceTypeCache.AddTo(silo.Services);
        silo.UseSystemTextJsonGrainStorageSerializer();
        // Orleans' default writes indented JSON: every state write would carry (and every read parse) the whitespace.
        // Compact JSON reads the same, so rows written before stay readable; the other defaults (reference handling)
        // stay as they are, because they shape the stored documents.
        silo.Services.Configure<Orleans.Serialization.SystemTextJsonGrainStorageSerializerOptions>(o => o.JsonSerializerOptions.WriteIndented = false);
        if (dataSource is SqliteDataSource sqlite)
        {
            // The embedded node: one writer thread per store, many grains' writes per commit (SqliteGrainStorage).
            Orleans.Runtime.Hosting.StorageProviderExtensions.AddGrainStorage(silo.Services, StorageNames.Main, (services, key) => new SqliteGrainStorage(
                key, services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId, sqlite,
                services.GetRequiredService<IGrainStorageSerializer>(), services.GetRequiredService<Orleans.Serialization.Serializers.IActivatorProvider>(),
                services.GetRequiredService<ILogger<SqliteGrainStorage>>()));
        }
        else if (dataSource is NpgsqlDataSource postgres && storage.GroupCommit)
        {
            // A cluster: one transaction per batch of a silo's concurrent writes (PostgresGrainStorage).
            Orleans.Runtime.Hosting.StorageProviderExtensions.AddGrainStorage(silo.Services, StorageNames.Main, (services, key) => new PostgresGrainStorage(
                key, services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId, postgres,
                services.GetRequiredService<IGrainStorageSerializer>(), services.GetRequiredService<Orleans.Serialization.Serializers.IActivatorProvider>(),
                services.GetRequiredService<ILogger<PostgresGrainStorage>>()));
        }
        else
        {
            silo.AddAdoNetGrainStorage(StorageNames.Main, o =>
            {
                o.Invariant = invariant;
                o.DataSource = dataSource;
            });
        }

        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = invariant;
            o.DataSource = dataSource;
        });
        silo.AddEngagementStreams();
        if (OperationsOptions.From(configuration).OtlpEndpoint is not null)
        {
            silo.AddActivityPropagation(); // traces follow grain calls across silos
        }

        silo.Services.Configure<RedemptionOptions>(configuration.GetSection(RedemptionOptions.Section));
        silo.Services.Configure<IdempotencyOptions>(configuration.GetSection(IdempotencyOptions.Section));
        silo.Configure<ReminderOptions>(configuration.GetSection("Engagement:Reminders"));
        // Idle grains are collected after CollectionAge (Orleans' default 15 minutes; tests shorten it).
        silo.Configure<GrainCollectionOptions>(configuration.GetSection("Engagement:Grains"));
        // Members are most of the activations (one per member; a member checks in about once a day), and a member grain
        // writes nothing when it is put away: collect them after 2 minutes idle (Engagement:Members:CollectionAge),
        // never later than everything else. With 100,000 members this is what keeps the node's memory near the boards'.
        var memberAge = configuration.GetValue("Engagement:Members:CollectionAge", TimeSpan.FromMinutes(2));
        silo.Services.PostConfigure<GrainCollectionOptions>(o =>
            o.ClassSpecificCollectionAge[typeof(MemberGrain).FullName!] = memberAge < o.CollectionAge ? memberAge : o.CollectionAge);
        return silo;
    }
}
