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
        var storage = services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);
        var grains = Enumerable.Range(0, 300).Select(i => GrainId.Create("storage-probe", $"{Guid.NewGuid():N}-{i}")).ToList();

        // Concurrent writers: they share batches (one commit each), every one is acknowledged with its own version.
        var written = await Task.WhenAll(grains.Select(async (grain, i) =>
        {
            var state = new GrainState<StorageContract.Probe>(new StorageContract.Probe { Text = $"成员{i}", Numbers = [i] });
            await storage.WriteStateAsync("probe", grain, state);
            return state.ETag;
        }));
        var shared = grains[0];
        var current = new GrainState<StorageContract.Probe>();
        await storage.ReadStateAsync("probe", shared, current);
        var racers = Enumerable.Range(0, 8).Select(i => new GrainState<StorageContract.Probe>(new StorageContract.Probe { Text = $"racer {i}" }) { ETag = current.ETag }).ToList();
        var outcomes = await Task.WhenAll(racers.Select(async racer =>
        {
            try
            {
                await storage.WriteStateAsync("probe", shared, racer);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        // A second storage over the same file (nothing cached) sees exactly what was acknowledged.
        using var reopened = new Silo.SqliteGrainStorage("reopened", services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            Silo.SqliteDataSource.ForFile(Path.Combine(fixture.Node.DataDirectory, "engagement.db")),
            services.GetRequiredService<IGrainStorageSerializer>(), services.GetRequiredService<Orleans.Serialization.Serializers.IActivatorProvider>(),
            NullLogger<Silo.SqliteGrainStorage>.Instance);
        var readBack = await Task.WhenAll(grains.Select(async grain =>
        {
            var state = new GrainState<StorageContract.Probe>();
            await reopened.ReadStateAsync("probe", grain, state);
            return state;
        }));

        Assert.All(written, Assert.NotNull);
        Assert.Single(outcomes, won => won);
        var winner = racers[Array.IndexOf(outcomes, true)];
        Assert.Equal(winner.State!.Text, readBack[0].State!.Text);
        Assert.Equal(winner.ETag, readBack[0].ETag);
        Assert.All(readBack.Skip(1).Select((state, i) => (state, i: i + 1)), x =>
        {
            Assert.True(x.state.RecordExists);
            Assert.Equal($"成员{x.i}", x.state.State!.Text);
            Assert.Equal(written[x.i], x.state.ETag);
        });
    }
}
