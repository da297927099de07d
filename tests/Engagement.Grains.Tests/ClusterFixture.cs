using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Engagement.Tests;

/// <summary>One in-process silo per test collection, with in-memory storage and a fake domain clock.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>01:00 UTC = 09:00 in Asia/Shanghai.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    /// <summary>Longer than the 7-day default, so a test can retry after more than 100 check-in days.</summary>
    public static readonly TimeSpan IdempotencyWindow = TimeSpan.FromDays(200);

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Main);
            silo.AddEngagementStreams();
            silo.UseInMemoryReminderService();
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            silo.Services.Configure<RedemptionOptions>(o => o.ExpiryCheckPeriod = TimeSpan.FromSeconds(1));
            silo.Services.Configure<IdempotencyOptions>(o => o.Window = IdempotencyWindow);
            silo.Services.AddSingleton(new DomainClock(Time));
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
