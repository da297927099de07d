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
