using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Engagement.Silo;

/// <summary>
/// Connections to the node's SQLite file. SQLite commits one writer at a time; when many grains write at once,
/// the losers of the file lock sleep in SQLite's busy handler (1, 2, 5, 10 ms…), which wastes most of the time.
/// So the node takes turns itself: an opened connection holds the turn until it is closed, and the next caller
/// waits on an in-process queue instead of sleeping. Each connection commits with synchronous=NORMAL, which in WAL
/// mode survives a process kill (the node's durability promise; FULL would also survive power loss at ~8× the
/// cost), and keeps a busy timeout for other processes on the same file (a migration tool, a second node).
/// </summary>
public sealed class SqliteDataSource(string connectionString) : DbDataSource
{
    internal const string ConnectionPragmas = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";

    /// <summary>
    /// Native connections (kept open by the pool across our connection objects) whose pragmas are already set: both
    /// pragmas last for the life of the native connection, so running them on every open only cost a parse and a
    /// step per grain write (seen in the check-in profile).
    /// </summary>
    private static readonly ConditionalWeakTable<sqlite3, object> Prepared = new();

    private readonly SemaphoreSlim _turn = new(1, 1);

    public override string ConnectionString => connectionString;

    public static SqliteDataSource ForFile(string path) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString());

    protected override DbConnection CreateDbConnection() => new SqliteConnection(connectionString);

    protected override DbConnection OpenDbConnection()
    {
        _turn.Wait();
        return Prepare(new TurnConnection(connectionString, _turn), c => c.Open());
    }

    protected override async ValueTask<DbConnection> OpenDbConnectionAsync(CancellationToken cancellationToken = default)
    {
        await _turn.WaitAsync(cancellationToken);
        var connection = new TurnConnection(connectionString, _turn);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return Prepare(connection, _ => { });
    }

    /// <summary>Takes the turn on a thread of one's own (the grain-state writer), blocking until it is free.</summary>
    internal void EnterTurn() => _turn.Wait();

    internal void ExitTurn() => _turn.Release();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _turn.Dispose();
    }

    private static TurnConnection Prepare(TurnConnection connection, Action<TurnConnection> open)
    {
        try
        {
            open(connection);
            if (connection.Handle is { } handle && !Prepared.TryGetValue(handle, out _))
            {
                using var command = connection.CreateCommand();
                command.CommandText = ConnectionPragmas;
                command.ExecuteNonQuery();
                Prepared.AddOrUpdate(handle, ConnectionPragmas);
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>A connection that holds the node's turn from its opening until it is closed or disposed.</summary>
    private sealed class TurnConnection(string connectionString, SemaphoreSlim turn) : SqliteConnection(connectionString)
    {
        private int _holding = 1;

        public override void Close()
        {
            base.Close();
            Release();
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            Release();
        }

        private void Release()
        {
            if (Interlocked.Exchange(ref _holding, 0) == 1)
            {
                turn.Release();
            }
        }
    }
}
