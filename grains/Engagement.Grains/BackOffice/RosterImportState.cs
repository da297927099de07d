namespace Engagement;

[GenerateSerializer, Alias("engagement.RosterImportState")]
public sealed class RosterImportState
{
    /// <summary>Before <see cref="Imports"/>: the last 8 imports by key. Moved into <see cref="Imports"/> on first use.</summary>
    [Id(0)]
    public List<KeyValuePair<string, RosterImportResult>> Recent { get; set; } = [];

    /// <summary>Results of imports by idempotency key, for the idempotency window.</summary>
    [Id(2)]
    public IdempotencyLog<RosterImportResult> Imports { get; set; } = new();

    /// <summary>The import under way (its key), so a retry after a crash finishes it instead of finding its own members.</summary>
    [Id(1)]
    public string? Running { get; set; }
}
