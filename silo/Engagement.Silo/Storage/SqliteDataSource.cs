using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Engagement.Silo;

/// <summary>
/// Connections to the node's SQLite file, each set up the way concurrent grain writes need: wait for the writer
/// lock instead of failing ("database is locked"), and commit with synchronous=NORMAL, which in WAL mode
/// survives a process kill (the node's durability promise); FULL would also survive power loss at ~8x the cost.
/// </summary>
public sealed class SqliteDataSource(string connectionString) : DbDataSource
{
    private const string ConnectionPragmas = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";

    public override string ConnectionString => connectionString;

    public static SqliteDataSource ForFile(string path) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString());

    protected override DbConnection CreateDbConnection() => new SqliteConnection(connectionString);

    protected override DbConnection OpenDbConnection()
    {
        var connection = CreateDbConnection();
        try
        {
            connection.Open();
            Prepare(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    protected override async ValueTask<DbConnection> OpenDbConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = CreateDbConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            Prepare(connection);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static void Prepare(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = ConnectionPragmas;
        command.ExecuteNonQuery();
    }
}
