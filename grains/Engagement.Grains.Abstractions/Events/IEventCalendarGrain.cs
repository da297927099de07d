namespace Engagement;

/// <summary>The events of one branch or committee, keyed by <see cref="EventCalendars"/>. Written only by event grains.</summary>
[Alias("engagement.IEventCalendarGrain")]
public interface IEventCalendarGrain : IGrainWithStringKey
{
    /// <summary>Lists an event (idempotent: a second add of the same id changes nothing).</summary>
    Task AddAsync(EventSummary summary, CancellationToken cancellationToken = default);

    /// <summary>Events that end after <paramref name="after"/>, soonest first.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<EventSummary>> ListEndingAfterAsync(DateTimeOffset after, CancellationToken cancellationToken = default);
}
