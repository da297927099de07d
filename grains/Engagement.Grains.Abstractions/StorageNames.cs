namespace Engagement;

/// <summary>Names of the grain storage and stream providers the silo registers.</summary>
public static class StorageNames
{
    /// <summary>Durable grain state (SQLite or PostgreSQL).</summary>
    public const string Main = "main";

    /// <summary>The stream provider carrying point movements.</summary>
    public const string Streams = "events";
}
