namespace Engagement.EndToEnd;

/// <summary>One SQLite-backed node shared by a collection; each test seeds its own park.</summary>
public sealed class NodeFixture : IAsyncLifetime
{
    public TestNode Node { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Node = await TestNode.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync();
        Directory.Delete(Node.DataDirectory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class NodeCollection : ICollectionFixture<NodeFixture>
{
    public const string Name = "sqlite-node";
}
