namespace Engagement;

/// <summary>A member's view across calendars, keyed by member id (a stateless worker: it owns nothing).</summary>
[Alias("engagement.IMemberEventsGrain")]
public interface IMemberEventsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Events of the member's branch and committee that have not ended, soonest first, with the member's RSVP and the
    /// seats taken: up to <paramref name="pageSize"/> after <paramref name="after"/> (an <see cref="EventCursor"/>;
    /// null for the soonest). The member themselves only.
    /// </summary>
    Task<UpcomingEventsPage> ListUpcomingAsync(Caller caller, int pageSize, string? after, CancellationToken cancellationToken = default);
}
