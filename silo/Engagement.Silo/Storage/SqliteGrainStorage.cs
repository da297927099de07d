using System.Globalization;
using Engagement.Gateway;
using Microsoft.Data.Sqlite;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Engagement.Silo;

/// <summary>
/// Grain state on the embedded SQLite node, with one writer thread that commits many grains' writes together.
/// <para>
/// Through Orleans' ADO.NET provider every read and write opened a connection, took the node's one SQLite turn
/// (<see cref="SqliteDataSource"/>), ran and committed one statement and gave the turn back; the next waiter's
/// continuation then queued on the thread pool behind everything else on two busy cores while the database sat idle
/// (issue #7: the turn was held 80–86 % of the time at ~2,700 operations/s, validate+confirm saturated at ~350/s).
/// Here callers queue their operation (<see cref="GroupCommitGrainStorage"/>); one thread takes all that are queued,
/// reads first, then runs the writes in one transaction with prepared statements and commits once, and only then
/// completes each caller (group commit: an acknowledged write is committed, as before).
/// </para>
/// <para>
/// Same table, same query texts (<c>sql/sqlite/queries</c>), same keys and versions (ETags) as the ADO.NET
/// provider, so a data directory written by either reads the same in the other.
/// </para>
/// </summary>
public sealed class SqliteGrainStorage(string name, string serviceId, SqliteDataSource database, IGrainStorageSerializer serializer,
    IActivatorProvider activators, ILogger<SqliteGrainStorage> logger)
    : GroupCommitGrainStorage(name, serviceId, serializer, activators, logger, writers: 1)
{
    private SqliteConnection? _connection;
    private SqliteCommand? _read;
    private SqliteCommand? _write;
    private SqliteCommand? _clear;

    protected override void Dispose(bool disposing) => ResetConnection();

    /// <summary>Reads see committed state only; the writes of a batch commit together or not at all.</summary>
    protected override string Provider => "sqlite";

    protected override void ExecuteBatch(IReadOnlyList<Operation> batch, int writer)
    {
        var results = new Row[batch.Count];
        var failures = new Exception?[batch.Count];
        database.EnterTurn();
        try
        {
            Open();
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch[i].Kind == Kind.Read)
                {
                    Step(batch, i, results, failures);
                }
            }

            if (batch.Any(o => o.Kind != Kind.Read))
            {
                Execute("BEGIN IMMEDIATE");
                try
                {
                    for (var i = 0; i < batch.Count; i++)
                    {
                        if (batch[i].Kind != Kind.Read)
                        {
                            Step(batch, i, results, failures);
                        }
                    }

                    Execute("COMMIT");
                }
                catch
                {
                    Rollback();
                    throw;
                }
            }
        }
        catch (Exception e)
        {
            // Nothing of this batch's writes is committed: every writer (and any read not yet answered) hears so.
            LogBatchFailed(e, Name, batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch[i].Kind != Kind.Read || results[i] is null && failures[i] is null)
                {
                    failures[i] = e;
                }
            }

            ResetConnection();
        }
        finally
        {
            database.ExitTurn();
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                batch[i].Fail(failure);
            }
            else
            {
                batch[i].Succeed(results[i]);
            }
        }
    }

    /// <summary>One operation; a failing statement fails its caller only (SQLite undoes just that statement).</summary>
    private void Step(IReadOnlyList<Operation> batch, int i, Row[] results, Exception?[] failures)
    {
        var operation = batch[i];
        try
        {
            results[i] = operation.Kind switch
            {
                Kind.Read => ReadRow(operation.Key),
                Kind.Write => Versioned(_write!, operation),
                _ => Versioned(_clear!, operation),
            };
        }
        catch (SqliteException e) when (e.SqliteErrorCode is not (SQLitePCL.raw.SQLITE_IOERR or SQLitePCL.raw.SQLITE_FULL or SQLitePCL.raw.SQLITE_CORRUPT))
        {
            failures[i] = e;
        }
    }

    private Row ReadRow(GrainStateKey key)
    {
        Bind(_read!, key);
        using var reader = _read!.ExecuteReader();
        if (!reader.Read())
        {
            return new Row(null, null);
        }

        var payload = reader.IsDBNull(0) ? null : (byte[])reader.GetValue(0);
        return new Row(payload, reader.IsDBNull(1) ? null : reader.GetInt32(1));
    }

    private static Row Versioned(SqliteCommand command, Operation operation)
    {
        Bind(command, operation.Key);
        command.Parameters["@GrainStateVersion"].Value = (object?)operation.ExpectedVersion ?? DBNull.Value;
        if (operation.Kind == Kind.Write)
        {
            command.Parameters["@GrainIdHash"].Value = operation.Key.IdHash;
            command.Parameters["@GrainTypeHash"].Value = operation.Key.StateNameHash;
            command.Parameters["@PayloadBinary"].Value = operation.Payload;
        }

        var version = command.ExecuteScalar();
        return new Row(null, version is null or DBNull ? null : Convert.ToInt32(version, CultureInfo.InvariantCulture));
    }

    private static void Bind(SqliteCommand command, GrainStateKey key)
    {
        command.Parameters["@GrainTypeString"].Value = key.StateName;
        command.Parameters["@GrainIdN0"].Value = key.N0;
        command.Parameters["@GrainIdN1"].Value = key.N1;
        command.Parameters["@GrainIdExtensionString"].Value = (object?)key.Extension ?? DBNull.Value;
    }

    private void Open()
    {
        if (_connection is not null)
        {
            return;
        }

        _connection = new SqliteConnection(database.ConnectionString);
        _connection.Open();
        Execute(SqliteDataSource.ConnectionPragmas);
        _read = Prepare("ReadFromStorageKey", withVersion: false, withPayload: false);
        _write = Prepare("WriteToStorageKey", withVersion: true, withPayload: true);
        _clear = Prepare("ClearStorageKey", withVersion: true, withPayload: false);
    }

    private SqliteCommand Prepare(string query, bool withVersion, bool withPayload)
    {
        var command = _connection!.CreateCommand();
        command.CommandText = DatabaseSchema.Query(StorageSettings.Sqlite, query);
        foreach (var parameter in new[] { "@ServiceId", "@GrainTypeString", "@GrainIdN0", "@GrainIdN1", "@GrainIdExtensionString" })
        {
            command.Parameters.Add(new SqliteParameter(parameter, null));
        }

        if (withVersion)
        {
            command.Parameters.Add(new SqliteParameter("@GrainStateVersion", null));
        }

        if (withPayload)
        {
            command.Parameters.Add(new SqliteParameter("@GrainIdHash", SqliteType.Integer));
            command.Parameters.Add(new SqliteParameter("@GrainTypeHash", SqliteType.Integer));
            command.Parameters.Add(new SqliteParameter("@PayloadBinary", SqliteType.Blob));
        }

        command.Parameters["@ServiceId"].Value = ServiceId;
        command.Prepare();
        return command;
    }

    /// <summary>One statement without parameters or results on the writer's connection.</summary>
    private void Execute(string sql)
    {
        using var command = _connection!.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void Rollback()
    {
        try
        {
            Execute("ROLLBACK");
        }
        catch (SqliteException)
        {
            // SQLite may have rolled back already (e.g. after an I/O error); the connection is reset below anyway.
        }
    }

    private void ResetConnection()
    {
        _read?.Dispose();
        _write?.Dispose();
        _clear?.Dispose();
        _connection?.Dispose();
        (_read, _write, _clear, _connection) = (null, null, null, null);
    }
}
