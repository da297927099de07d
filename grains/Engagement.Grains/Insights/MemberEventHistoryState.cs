namespace Engagement;

/// <summary>The events a member attended, oldest first, one per event; bounded in time and count.</summary>
[GenerateSerializer, Alias("engagement.MemberEventHistoryState")]
public sealed class MemberEventHistoryState
{
    [Id(0)]
    public List<AttendedEvent> Events { get; set; } = [];
}
