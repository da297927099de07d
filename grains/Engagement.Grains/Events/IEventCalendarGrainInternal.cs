namespace Engagement;

/// <summary>
/// What event grains and members' event lists do with a calendar without a caller: list an event, read the coming ones.
/// It lives in the grains assembly, so the gateway (which references only the abstractions) cannot call it.
/// Implemented by the same grain as <see cref="IEventCalendarGrain"/>.
/// </summary>
[Alias("engagement.IEventCalendarGrainInternal")]
public interface IEventCalendarGrainInternal : IGrainWithStringKey
{
    /// <summary>Lists an event (idempotent: a second add of the same id changes nothing).</summary>
    Task AddAsync(EventSummary summary, CancellationToken cancellationToken = default);

    /// <summary>Events that end after <paramref name="after"/>, soonest first.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<EventSummary>> ListEndingAfterAsync(DateTimeOffset after, CancellationToken cancellationToken = default);
}
