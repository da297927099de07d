namespace Engagement;

/// <summary>The events of one branch or committee, keyed by <see cref="EventCalendars"/>. Written only by event grains.</summary>
[Alias("engagement.IEventCalendarGrain")]
public interface IEventCalendarGrain : IGrainWithStringKey
{
    /// <summary>
    /// Every event of the calendar, past and future, latest start first: up to <paramref name="pageSize"/> after
    /// <paramref name="after"/> (an <see cref="EventCursor"/>; null for the first page). Those who may publish for the
    /// branch or committee, and for a branch also its committee's leaders.
    /// </summary>
    [AlwaysInterleave]
    Task<EventSummaryPage> ListPublishedAsync(Caller caller, int pageSize, string? after, CancellationToken cancellationToken = default);
}
