namespace Engagement;

/// <summary>A member's view across calendars, keyed by member id (a stateless worker: it owns nothing).</summary>
[Alias("engagement.IMemberEventsGrain")]
public interface IMemberEventsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Events of the member's branch and committee that have not ended, soonest first (at most
    /// <see cref="EventLimits.MaxUpcoming"/>), with the member's RSVP and the seats taken. The member themselves only.
    /// </summary>
    Task<IReadOnlyList<MemberEventView>> ListUpcomingAsync(Caller caller, CancellationToken cancellationToken = default);
}
