using System.Collections.Concurrent;
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
/// Here callers queue their operation; one thread takes all that are queued, reads first, then runs the writes in
/// one transaction with prepared statements and commits once, and only then completes each caller (group commit:
/// an acknowledged write is committed, as before).
/// </para>
/// <para>
/// Same table, same query texts (<c>sql/sqlite/queries</c>), same keys and versions (ETags) as the ADO.NET
/// provider, so a data directory written by either reads the same in the other.
/// </para>
/// </summary>
public sealed partial class SqliteGrainStorage : IGrainStorage, IDisposable
{
    private const int MaxBatch = 512;
    private readonly string _name;
    private readonly string _serviceId;
    private readonly SqliteDataSource _database;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly ILogger _logger;
    private readonly BlockingCollection<Operation> _queue = new();
    private readonly Thread _writer;
    private SqliteConnection? _connection;
    private SqliteCommand? _read;
    private SqliteCommand? _write;
    private SqliteCommand? _clear;

    public SqliteGrainStorage(string name, string serviceId, SqliteDataSource database, IGrainStorageSerializer serializer,
        IActivatorProvider activators, ILogger<SqliteGrainStorage> logger)
    {
        _name = name;
        _serviceId = serviceId;
        _database = database;
        _serializer = serializer;
        _activators = activators;
        _logger = logger;
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = $"sqlite-grain-storage-{name}" };
        _writer.Start();
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var row = await EnqueueAsync(new Operation(Kind.Read, Key.Of(stateName, grainId), null, null));
        grainState.State = row.Payload is { } payload ? _serializer.Deserialize<T>(new BinaryData(payload)) : Create<T>();
        grainState.ETag = row.Version?.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = row.Exists;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = _serializer.Serialize(grainState.State).ToArray();
        var row = await EnqueueAsync(new Operation(Kind.Write, Key.Of(stateName, grainId), Expected(grainState.ETag), payload));
        grainState.ETag = Written(row, "WriteState", stateName, grainId, grainState.ETag);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var row = await EnqueueAsync(new Operation(Kind.Clear, Key.Of(stateName, grainId), Expected(grainState.ETag), null));
        grainState.ETag = Written(row, "ClearState", stateName, grainId, grainState.ETag);
        grainState.RecordExists = false;
        grainState.State = Create<T>();
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        _writer.Join();
        _queue.Dispose();
        ResetConnection();
    }

    private static int? Expected(string? etag) =>
        string.IsNullOrWhiteSpace(etag) ? null : int.Parse(etag, CultureInfo.InvariantCulture);

    /// <summary>The new version, or the version conflict the grain must hear about (another activation wrote first).</summary>
    private string Written(Row row, string operation, string stateName, GrainId grainId, string? etag) =>
        row.Version?.ToString(CultureInfo.InvariantCulture)
        ?? throw new InconsistentStateException(
            $"Version conflict ({operation}): ServiceId={_serviceId} ProviderName={_name} GrainType={stateName} GrainId={grainId} ETag={etag}.");

    private T Create<T>() => _activators.GetActivator<T>().Create();

    private Task<Row> EnqueueAsync(Operation operation)
    {
        _queue.Add(operation);
        return operation.Done.Task;
    }

    private void WriteLoop()
    {
        var batch = new List<Operation>(MaxBatch);
        while (!_queue.IsCompleted)
        {
            batch.Clear();
            try
            {
                batch.Add(_queue.Take());
            }
            catch (InvalidOperationException)
            {
                break; // completed while waiting
            }

            while (batch.Count < MaxBatch && _queue.TryTake(out var more))
            {
                batch.Add(more);
            }

            ExecuteBatch(batch);
        }
    }

    /// <summary>Reads see committed state only; the writes of a batch commit together or not at all.</summary>
    private void ExecuteBatch(List<Operation> batch)
    {
        var results = new Row[batch.Count];
        var failures = new Exception?[batch.Count];
        _database.EnterTurn();
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
            LogBatchFailed(e, _name, batch.Count);
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
            _database.ExitTurn();
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                batch[i].Done.TrySetException(failure);
            }
            else
            {
                batch[i].Done.TrySetResult(results[i]);
            }
        }
    }

    /// <summary>One operation; a failing statement fails its caller only (SQLite undoes just that statement).</summary>
    private void Step(List<Operation> batch, int i, Row[] results, Exception?[] failures)
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

    private Row ReadRow(Key key)
    {
        Bind(_read!, key);
        using var reader = _read!.ExecuteReader();
        if (!reader.Read())
        {
            return new Row(false, null, null);
        }

        var payload = reader.IsDBNull(0) ? null : (byte[])reader.GetValue(0);
        return new Row(true, payload, reader.IsDBNull(1) ? null : reader.GetInt32(1));
    }

    private static Row Versioned(SqliteCommand command, Operation operation)
    {
        Bind(command, operation.Key);
        command.Parameters["@GrainStateVersion"].Value = (object?)operation.ExpectedVersion ?? DBNull.Value;
        if (operation.Kind == Kind.Write)
        {
            command.Parameters["@PayloadBinary"].Value = operation.Payload;
        }

        var version = command.ExecuteScalar();
        return new Row(true, null, version is null or DBNull ? null : Convert.ToInt32(version, CultureInfo.InvariantCulture));
    }

    private static void Bind(SqliteCommand command, Key key)
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

        _connection = new SqliteConnection(_database.ConnectionString);
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
        foreach (var name in new[] { "@ServiceId", "@GrainTypeString", "@GrainIdN0", "@GrainIdN1", "@GrainIdExtensionString" })
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        if (command.CommandText.Contains("@GrainIdHash", StringComparison.Ordinal))
        {
            // Stored for the ADO.NET provider's sake only: no query of ours looks rows up by hash.
            command.Parameters.Add(new SqliteParameter("@GrainIdHash", SqliteType.Integer) { Value = 0 });
            command.Parameters.Add(new SqliteParameter("@GrainTypeHash", SqliteType.Integer) { Value = 0 });
        }

        if (withVersion)
        {
            command.Parameters.Add(new SqliteParameter("@GrainStateVersion", null));
        }

        if (withPayload)
        {
            command.Parameters.Add(new SqliteParameter("@PayloadBinary", SqliteType.Blob));
        }

        command.Parameters["@ServiceId"].Value = _serviceId;
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Grain storage {Name}: a batch of {Count} operations failed; none of its writes is committed")]
    private partial void LogBatchFailed(Exception exception, string name, int count);

    private enum Kind
    {
        Read,
        Write,
        Clear,
    }

    private sealed record Row(bool Exists, byte[]? Payload, int? Version);

    private sealed record Operation(Kind Kind, Key Key, int? ExpectedVersion, byte[]? Payload)
    {
        public TaskCompletionSource<Row> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The row key exactly as Orleans' ADO.NET provider forms it (its AdoGrainKey), so rows are shared.</summary>
    private sealed record Key(string StateName, long N0, long N1, string? Extension)
    {
        public static Key Of(string stateName, GrainId grainId)
        {
            if (stateName.Contains('`', StringComparison.Ordinal))
            {
                throw new NotSupportedException($"Generic state names are not supported by this storage: {stateName}");
            }

            if (grainId.TryGetGuidKey(out var guid, out var guidExtension))
            {
                var bytes = guid.ToByteArray();
                return new Key(stateName, BitConverter.ToInt64(bytes, 0), BitConverter.ToInt64(bytes, 8), guidExtension);
            }

            if (grainId.TryGetIntegerKey(out var integer, out var integerExtension))
            {
                return new Key(stateName, 0, integer, integerExtension);
            }

            return new Key(stateName, 0, 0, grainId.Key.ToString());
        }
    }
}
