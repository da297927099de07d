namespace Engagement;

/// <summary>The attendees of one event whose member ids fall into one shard (see <c>EventGrain.Attendees.cs</c>).</summary>
[GenerateSerializer, Alias("engagement.AttendeeShardState")]
public sealed class AttendeeShardState
{
    [Id(0)]
    public Dictionary<string, AttendeeState> Attendees { get; set; } = new(StringComparer.Ordinal);
}
