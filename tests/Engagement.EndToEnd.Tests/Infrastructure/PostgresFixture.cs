namespace Engagement.EndToEnd;

/// <summary>
/// One throwaway PostgreSQL server for the collection. Without PostgreSQL binaries the tests skip with the reason,
/// except under CI=true, where a missing server is a failure: CI must run them.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;
    private string? _missing;

    public async ValueTask InitializeAsync()
    {
        var bin = PostgresServer.FindBinaries();
        if (bin is null)
        {
            _missing = "PostgreSQL binaries (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin, ENGAGEMENT_PG_BIN or PATH; install them with 'apt-get install -y postgresql'.";
            return;
        }

        _server = await PostgresServer.StartAsync(bin);
    }

    /// <summary>The server, or a skip (a failure under CI) when this machine cannot run one.</summary>
    public PostgresServer Server
    {
        get
        {
            if (_server is not null)
            {
                return _server;
            }

            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("CI=true but " + _missing);
            }

            Assert.Skip(_missing!);
            return null!;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
