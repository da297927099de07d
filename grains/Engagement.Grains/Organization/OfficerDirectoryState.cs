namespace Engagement;

[GenerateSerializer, Alias("engagement.OfficerDirectoryState")]
public sealed class OfficerDirectoryState
{
    [Id(0)]
    public List<Officer> Officers { get; set; } = [];

    [Id(1)]
    public long Version { get; set; }

    /// <summary>The last results by idempotency key (appointments and revocations), so a retry returns the first one.</summary>
    [Id(2)]
    public List<KeyValuePair<string, Officer>> Recent { get; set; } = [];
}
