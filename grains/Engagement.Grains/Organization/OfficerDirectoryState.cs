namespace Engagement;

[GenerateSerializer, Alias("engagement.OfficerDirectoryState")]
public sealed class OfficerDirectoryState
{
    [Id(0)]
    public List<Officer> Officers { get; set; } = [];

    [Id(1)]
    public long Version { get; set; }

    /// <summary>Before <see cref="Results"/>: the last 256 results by key. Moved into <see cref="Results"/> on first use.</summary>
    [Id(2)]
    public List<KeyValuePair<string, Officer>> Recent { get; set; } = [];

    /// <summary>Appointments and revocations by idempotency key, for the idempotency window, so a retry returns the first one.</summary>
    [Id(3)]
    public IdempotencyLog<Officer> Results { get; set; } = new();
}
