namespace Engagement;

/// <summary>The events of one branch or committee, past and future (before ended ones were kept, they were dropped on the next add).</summary>
[GenerateSerializer, Alias("engagement.EventCalendarState")]
public sealed class EventCalendarState
{
    [Id(0)]
    public List<EventSummary> Events { get; set; } = [];
}
