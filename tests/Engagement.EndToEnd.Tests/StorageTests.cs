using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;

namespace Engagement.EndToEnd;

[Collection(NodeCollection.Name)]
public sealed class SqliteStorageTests(NodeFixture fixture)
{
    [Fact]
    public async Task TheSqliteProviderHonoursVersionsAndClears() => await StorageContract.VerifyAsync(fixture.Node.App.Services);

    [Fact]
    public async Task ApplyingTheSchemaAgainChangesNothing()
    {
        var dataSource = Silo.SqliteDataSource.ForFile(Path.Combine(fixture.Node.DataDirectory, "engagement.db"));

        var version = await Silo.DatabaseSchema.ApplyAsync(dataSource, "sqlite");
        var again = await Silo.DatabaseSchema.ApplyAsync(dataSource, "sqlite");

        Assert.Equal(version, again);
        await StorageContract.VerifyAsync(fixture.Node.App.Services);
    }
}

[Collection(NodeCollection.Name)]
public sealed class SqliteGroupCommitTests(NodeFixture fixture)
{
    [Fact]
    public async Task ManyGrainsWritingAtOnceAreAllCommittedAndRacingWritersOfOneGrainCannotBothWin()
    {
        var services = fixture.Node.App.Services;

        // A second storage over the same file (its own connection and writer, nothing cached).
        using var reopened = new Silo.SqliteGrainStorage("reopened", services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            Silo.SqliteDataSource.ForFile(Path.Combine(fixture.Node.DataDirectory, "engagement.db")),
            services.GetRequiredService<IGrainStorageSerializer>(), services.GetRequiredService<Orleans.Serialization.Serializers.IActivatorProvider>(),
            NullLogger<Silo.SqliteGrainStorage>.Instance);

        await StorageContract.VerifyGroupCommitAsync(services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main), reopened);
    }
}
