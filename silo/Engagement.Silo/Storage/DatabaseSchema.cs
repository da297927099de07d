using System.Data.Common;
using System.Globalization;
using System.Reflection;

namespace Engagement.Silo;

/// <summary>
/// Brings a database to our schema at start-up, before Orleans reads its query texts from it.
/// Schema scripts (<c>sql/{provider}/schema/V{n}.sql</c>) run once each, in order, recorded in
/// <c>engagement_schema</c>; query texts (<c>sql/{provider}/queries/{QueryKey}.sql</c>) are upserted into
/// <c>OrleansQuery</c> on every start, so a fixed query ships with the binary. Running it twice changes nothing;
/// silos starting together on PostgreSQL take turns under an advisory lock.
/// </summary>
public static class DatabaseSchema
{
    private const long PostgresLockId = 0x656e67616765; // "engage"

    public static async Task<int> ApplyAsync(DbDataSource dataSource, string provider, CancellationToken cancellationToken = default)
    {
        var scripts = Scripts(provider);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var postgres = provider == "postgres";
        if (postgres)
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({PostgresLockId})", cancellationToken);
        }
        else
        {
            // Persistent for the file: readers never block the writer, and a killed process loses no commit.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL", cancellationToken);
        }

        try
        {
            await ExecuteAsync(connection, null,
                "CREATE TABLE IF NOT EXISTS engagement_schema (version INTEGER PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)", cancellationToken);
            var current = await CurrentVersionAsync(connection, cancellationToken);
            foreach (var (version, text) in scripts.Schema.Where(s => s.Version > current).OrderBy(s => s.Version))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, text, cancellationToken);
                await ExecuteAsync(connection, transaction,
                    $"INSERT INTO engagement_schema (version, applied_at) VALUES ({version}, '{DateTimeOffset.UtcNow:O}')", cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                foreach (var (key, text) in scripts.Queries)
                {
                    await using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText =
                        "INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES (@key, @text) " +
                        "ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText";
                    AddParameter(command, "@key", key);
                    AddParameter(command, "@text", text);
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            return scripts.Schema.Max(s => s.Version);
        }
        finally
        {
            if (postgres)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({PostgresLockId})", cancellationToken);
            }
        }
    }

    private static async Task<int> CurrentVersionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM engagement_schema";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string text, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static (List<(int Version, string Text)> Schema, List<(string Key, string Text)> Queries) Scripts(string provider)
    {
        var assembly = typeof(DatabaseSchema).Assembly;
        var schemaPrefix = $"sql/{provider}/schema/V";
        var queryPrefix = $"sql/{provider}/queries/";
        var schema = new List<(int, string)>();
        var queries = new List<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (name.StartsWith(schemaPrefix, StringComparison.Ordinal))
            {
                schema.Add((int.Parse(name[schemaPrefix.Length..^".sql".Length], CultureInfo.InvariantCulture), Read(assembly, name)));
            }
            else if (name.StartsWith(queryPrefix, StringComparison.Ordinal))
            {
                queries.Add((name[queryPrefix.Length..^".sql".Length], Read(assembly, name)));
            }
        }

        return schema.Count > 0 && queries.Count > 0
            ? (schema, queries)
            : throw new InvalidOperationException($"No SQL scripts are embedded for storage provider '{provider}'.");
    }

    /// <summary>One query text (<c>sql/{provider}/queries/{key}.sql</c>), for code that runs the queries itself.</summary>
    internal static string Query(string provider, string key) => Read(typeof(DatabaseSchema).Assembly, $"sql/{provider}/queries/{key}.sql");

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
