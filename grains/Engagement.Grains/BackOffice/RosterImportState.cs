namespace Engagement;

[GenerateSerializer, Alias("engagement.RosterImportState")]
public sealed class RosterImportState
{
    /// <summary>Results of recent imports by idempotency key, newest last (bounded).</summary>
    [Id(0)]
    public List<KeyValuePair<string, RosterImportResult>> Recent { get; set; } = [];

    /// <summary>The import under way (its key), so a retry after a crash finishes it instead of finding its own members.</summary>
    [Id(1)]
    public string? Running { get; set; }
}
