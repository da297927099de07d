using System.Data;
using Engagement.Gateway;
using Npgsql;
using NpgsqlTypes;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Engagement.Silo;

/// <summary>
/// Grain state on PostgreSQL with group commit. Through Orleans' ADO.NET provider every grain write was a transaction
/// of its own (a round trip, a commit and a WAL flush each). Here the silo's concurrent writes queue up
/// (<see cref="GroupCommitGrainStorage"/>); a writer sends all it took as one <see cref="NpgsqlBatch"/> of prepared
/// statements in one transaction, commits once and only then acknowledges each write. Reads run at once on pooled
/// connections: they need no writer, and a grain reads only what it has already seen committed.
/// <para>
/// Same table, query texts (<c>sql/postgres/queries</c>), keys, hashes and versions as the ADO.NET provider, so a
/// database written by either reads the same in the other. A version conflict is not an error in SQL: the write
/// statement then returns no row, so it fails only its own caller and the rest of the batch commits. Two writes of one
/// grain in one batch run in arrival order as separate statements, so the second sees the first's version.
/// </para>
/// </summary>
public sealed class PostgresGrainStorage : GroupCommitGrainStorage
{
    /// <summary>
    /// Several writers: while one batch waits for its commit's flush, the next is already executing (PostgreSQL flushes
    /// concurrent commits together). Four measured no worse than two on this VM, whose noise hid any finer difference.
    /// </summary>
    private const int Writers = 4;

    private static readonly string ReadQuery = DatabaseSchema.Query(StorageSettings.Postgres, "ReadFromStorageKey");
    private static readonly string WriteQuery = DatabaseSchema.Query(StorageSettings.Postgres, "WriteToStorageKey");
    private static readonly string ClearQuery = DatabaseSchema.Query(StorageSettings.Postgres, "ClearStorageKey");

    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlConnection?[] _connections = new NpgsqlConnection?[Writers];

    public PostgresGrainStorage(string name, string serviceId, NpgsqlDataSource dataSource, IGrainStorageSerializer serializer,
        IActivatorProvider activators, ILogger<PostgresGrainStorage> logger)
        : base(name, serviceId, serializer, activators, logger, Writers)
    {
        _dataSource = dataSource;
    }

    protected override async Task<Row> ReadRowAsync(GrainStateKey key)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(ReadQuery, connection);
        Bind(command.Parameters, new Operation(Kind.Read, key, null, null));
        await command.PrepareAsync();
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new Row(reader.IsDBNull(0) ? null : (byte[])reader.GetValue(0), reader.IsDBNull(1) ? null : reader.GetInt32(1))
            : new Row(null, null);
    }

    protected override string Provider => "postgres";

    protected override void ExecuteBatch(IReadOnlyList<Operation> batch, int writer)
    {
        // One order for every batch of every silo: two transactions that touch the same rows lock them in the same
        // order and never deadlock. The sort is stable, so one grain's writes keep their arrival order.
        var ordered = batch.OrderBy(o => o.Key.StateName, StringComparer.Ordinal).ThenBy(o => o.Key.N0).ThenBy(o => o.Key.N1)
            .ThenBy(o => o.Key.Extension, StringComparer.Ordinal).ToList();
        try
        {
            var connection = _connections[writer] ??= _dataSource.OpenConnection();
            int?[] versions;
            try
            {
                versions = CommitTogether(connection, ordered);
            }
            catch (PostgresException e) when (connection.State == ConnectionState.Open)
            {
                // A statement failed (not a version conflict: those return no row), so PostgreSQL rolled the whole
                // transaction back. Each write runs again on its own, and only the failing one hears of its error.
                LogBatchSplit(e, Name, ordered.Count);
                CommitOneByOne(connection, ordered);
                return;
            }

            for (var i = 0; i < ordered.Count; i++)
            {
                ordered[i].Succeed(new Row(null, versions[i]));
            }
        }
        catch (Exception e)
        {
            // The connection failed: no write of the batch is acknowledged. If it failed during COMMIT, the writes may
            // be committed all the same; their grains re-read after the error (as with any lost reply).
            LogBatchFailed(e, Name, ordered.Count);
            ordered.ForEach(o => o.Fail(e));
            ResetConnection(writer);
        }
    }

    protected override void Dispose(bool disposing)
    {
        for (var i = 0; i < Writers; i++)
        {
            ResetConnection(i);
        }
    }

    /// <summary>All writes in one transaction; the new version of each (NULL = conflict), known once committed.</summary>
    private int?[] CommitTogether(NpgsqlConnection connection, List<Operation> batch)
    {
        using var transaction = connection.BeginTransaction();
        using var statements = new NpgsqlBatch(connection, transaction);
        foreach (var operation in batch)
        {
            var statement = new NpgsqlBatchCommand(Text(operation));
            Bind(statement.Parameters, operation);
            statements.BatchCommands.Add(statement);
        }

        statements.Prepare(); // once per connection and text; later batches reuse the prepared statements
        var versions = new int?[batch.Count];
        using (var reader = statements.ExecuteReader())
        {
            for (var i = 0; i < batch.Count; i++)
            {
                versions[i] = reader.Read() ? reader.GetInt32(0) : null;
                reader.NextResult();
            }
        }

        transaction.Commit();
        return versions;
    }

    /// <summary>Each write in a transaction of its own (autocommit), acknowledged after its commit.</summary>
    private void CommitOneByOne(NpgsqlConnection connection, List<Operation> batch)
    {
        foreach (var operation in batch)
        {
            using var command = new NpgsqlCommand(Text(operation), connection);
            Bind(command.Parameters, operation);
            try
            {
                operation.Succeed(new Row(null, command.ExecuteScalar() is int version ? version : null));
            }
            catch (PostgresException e) when (connection.State == ConnectionState.Open)
            {
                operation.Fail(e);
            }
        }
    }

    private static string Text(Operation operation) => operation.Kind == Kind.Write ? WriteQuery : ClearQuery;

    private void Bind(NpgsqlParameterCollection parameters, Operation operation)
    {
        var key = operation.Key;
        parameters.Add(new NpgsqlParameter<string>("ServiceId", NpgsqlDbType.Text) { TypedValue = ServiceId });
        parameters.Add(new NpgsqlParameter<string>("GrainTypeString", NpgsqlDbType.Text) { TypedValue = key.StateName });
        parameters.Add(new NpgsqlParameter<long>("GrainIdN0", NpgsqlDbType.Bigint) { TypedValue = key.N0 });
        parameters.Add(new NpgsqlParameter<long>("GrainIdN1", NpgsqlDbType.Bigint) { TypedValue = key.N1 });
        parameters.Add(new NpgsqlParameter("GrainIdExtensionString", NpgsqlDbType.Text) { Value = (object?)key.Extension ?? DBNull.Value });
        if (operation.Kind == Kind.Read)
        {
            return;
        }

        parameters.Add(new NpgsqlParameter("GrainStateVersion", NpgsqlDbType.Integer) { Value = (object?)operation.ExpectedVersion ?? DBNull.Value });
        if (operation.Kind == Kind.Write)
        {
            parameters.Add(new NpgsqlParameter<int>("GrainIdHash", NpgsqlDbType.Integer) { TypedValue = key.IdHash });
            parameters.Add(new NpgsqlParameter<int>("GrainTypeHash", NpgsqlDbType.Integer) { TypedValue = key.StateNameHash });
            parameters.Add(new NpgsqlParameter("PayloadBinary", NpgsqlDbType.Bytea) { Value = operation.Payload });
        }
    }

    private void ResetConnection(int writer)
    {
        _connections[writer]?.Dispose();
        _connections[writer] = null;
    }
}
