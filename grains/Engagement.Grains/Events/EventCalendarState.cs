namespace Engagement;

/// <summary>The events of one branch or committee that have not ended yet (ended ones are dropped on the next add).</summary>
[GenerateSerializer, Alias("engagement.EventCalendarState")]
public sealed class EventCalendarState
{
    [Id(0)]
    public List<EventSummary> Events { get; set; } = [];
}
