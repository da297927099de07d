namespace Engagement.Gateway;

/// <summary>Where durable state lives (section <c>Engagement:Storage</c>).</summary>
public sealed class StorageSettings
{
    public const string Section = "Engagement:Storage";

    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>
    /// "sqlite" (default): one node, state in <c>{DataDirectory}/engagement.db</c>, localhost clustering.
    /// "postgres": state, clustering and reminders in PostgreSQL at <see cref="ConnectionString"/>; any number of silos.
    /// </summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>The PostgreSQL connection string (postgres only).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// postgres only: grain state through our group-commit store (default), or <c>false</c> for Orleans' ADO.NET grain
    /// storage (one transaction per write). Both read and write the same rows.
    /// </summary>
    public bool GroupCommit { get; set; } = true;

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>The data directory: <c>Engagement:DataDirectory</c>, default <c>./data</c>.</summary>
    public static string DataDirectory(IConfiguration configuration) =>
        Path.GetFullPath(configuration["Engagement:DataDirectory"] is { Length: > 0 } dir ? dir : "data");

    public static StorageSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<StorageSettings>() ?? new StorageSettings();
        if (!settings.IsPostgres && !string.Equals(settings.Provider, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Engagement:Storage:Provider must be '{Sqlite}' or '{Postgres}', not '{settings.Provider}'.");
        }

        if (settings.IsPostgres && string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            throw new InvalidOperationException("Engagement:Storage:ConnectionString is required when Engagement:Storage:Provider is 'postgres'.");
        }

        return settings;
    }
}
