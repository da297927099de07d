namespace Engagement;

[GenerateSerializer, Alias("engagement.MemberFeedState")]
public sealed class MemberFeedState
{
    /// <summary>Ids of read notices still kept by a board (older ones are forgotten when marking).</summary>
    [Id(0)]
    public HashSet<string> Read { get; set; } = new(StringComparer.Ordinal);
}
