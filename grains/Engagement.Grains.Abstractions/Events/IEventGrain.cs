namespace Engagement;

/// <summary>
/// An offline event (活动), keyed by its client-chosen id: the event, its RSVPs, on-site check-ins with a rotating
/// code and remote attendance by heartbeats. Every client method checks the caller: organisers are the secretaries
/// of the branch (branch events) or the leaders of the committee (committee events) and the park's admins; the
/// audience is the members of the branch, or of every branch of the committee.
/// </summary>
[Alias("engagement.IEventGrain")]
public interface IEventGrain : IGrainWithStringKey
{
    /// <summary>Publishes the event and lists it in its calendar. Same key → the first result; id taken → AlreadyExists.</summary>
    Task<EventInfo> PublishAsync(Caller caller, EventDraft draft, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// The event with its seats taken (nobody's own part), for those who list its calendar: organisers, and the
    /// committee's leaders for branch events.
    /// </summary>
    Task<MemberEventView> GetOverviewAsync(Caller caller, CancellationToken cancellationToken = default);

    /// <summary>Takes a seat for the member (themselves, verified, in the audience, before the end); FailedPrecondition EVENT_FULL at capacity.</summary>
    [AlwaysInterleave]
    Task<MemberEventView> RsvpAsync(Caller caller, string memberId, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Gives the member's seat back (a no-op when they hold none).</summary>
    [AlwaysInterleave]
    Task<MemberEventView> CancelRsvpAsync(Caller caller, string memberId, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>The check-in code to show on site now, and when it is replaced. Organisers only, until the event ends.</summary>
    Task<CheckInCode> GetCheckInCodeAsync(Caller caller, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks the member in on site with the current or previous code, during the event; awards the on-site points
    /// once. A second check-in returns the first.
    /// </summary>
    [AlwaysInterleave]
    Task<EventCheckInResult> CheckInAsync(Caller caller, string memberId, string code, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Counts watching time of a streamed event; awards the remote points once when enough is watched.</summary>
    [AlwaysInterleave]
    Task<HeartbeatResult> SendHeartbeatAsync(Caller caller, string memberId, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Who RSVP'd, checked in or watched, and what they earned. Organisers, and the committee's leaders for branch events.</summary>
    Task<EventAttendance> ListAttendanceAsync(Caller caller, CancellationToken cancellationToken = default);
}
