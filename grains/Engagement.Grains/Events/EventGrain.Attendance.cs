namespace Engagement;

public sealed partial class EventGrain
{
    private static readonly string RsvpRequest = RequestHash.Of("rsvp");
    private static readonly string CancelRequest = RequestHash.Of("cancel");

    public Task<MemberEventView> RsvpAsync(Caller caller, string memberId, string idempotencyKey, CancellationToken cancellationToken = default) =>
        InShardTurnAsync(memberId, () => RsvpInTurnAsync(caller, memberId, idempotencyKey, cancellationToken));

    public Task<MemberEventView> CancelRsvpAsync(Caller caller, string memberId, string idempotencyKey, CancellationToken cancellationToken = default) =>
        InShardTurnAsync(memberId, () => CancelRsvpInTurnAsync(caller, memberId, idempotencyKey, cancellationToken));

    public Task<EventCheckInResult> CheckInAsync(Caller caller, string memberId, string code, string idempotencyKey, CancellationToken cancellationToken = default) =>
        InShardTurnAsync(memberId, () => CheckInInTurnAsync(caller, memberId, code, idempotencyKey, cancellationToken));

    public Task<HeartbeatResult> SendHeartbeatAsync(Caller caller, string memberId, string idempotencyKey, CancellationToken cancellationToken = default) =>
        InShardTurnAsync(memberId, () => SendHeartbeatInTurnAsync(caller, memberId, idempotencyKey, cancellationToken));

    private async Task<MemberEventView> RsvpInTurnAsync(Caller caller, string memberId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var (info, profile) = await RequireAudienceAsync(caller, memberId, cancellationToken);
        var attendee = Attendees.GetValueOrDefault(memberId);
        if (attendee is not null && await Seat(attendee).FindAsync(idempotencyKey, RsvpRequest) is not null)
        {
            return View(memberId);
        }

        var now = clock.UtcNow;
        RequireNotEnded(info, now);
        if (attendee?.RsvpAt is not null)
        {
            return View(memberId);
        }

        if (RsvpCount >= info.Capacity)
        {
            throw EngagementException.FailedPrecondition(ErrorReasons.EventFull,
                $"All {info.Capacity} seats are taken; a seat frees up when someone cancels.");
        }

        attendee ??= Enrol(profile, now);
        attendee.RsvpAt = now;
        await Seat(attendee).RecordAsync(idempotencyKey, RsvpRequest, null);
        await SaveAttendeeAsync(attendee);
        return View(memberId);
    }

    private async Task<MemberEventView> CancelRsvpInTurnAsync(Caller caller, string memberId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var (info, _) = await RequireAudienceAsync(caller, memberId, cancellationToken);
        var attendee = Attendees.GetValueOrDefault(memberId);
        if (attendee is not null && await Seat(attendee).FindAsync(idempotencyKey, CancelRequest) is not null)
        {
            return View(memberId);
        }

        RequireNotEnded(info, clock.UtcNow);
        if (attendee?.RsvpAt is null)
        {
            return View(memberId);
        }

        attendee.RsvpAt = null;
        await Seat(attendee).RecordAsync(idempotencyKey, CancelRequest, null);
        await SaveAttendeeAsync(attendee);
        return View(memberId);
    }

    /// <summary>
    /// One member award key for both ways of attending: whichever pays first, the member grain never pays the other,
    /// even if this event's own record of the first was lost.
    /// </summary>
    private string AttendanceAwardKey => $"event:{EventId}:attendance";

    private async Task<EventCheckInResult> CheckInInTurnAsync(Caller caller, string memberId, string code, string idempotencyKey, CancellationToken cancellationToken)
    {
        var (info, profile) = await RequireAudienceAsync(caller, memberId, cancellationToken);
        var attendee = Attendees.GetValueOrDefault(memberId);
        if (attendee?.CheckIn is { } first)
        {
            // Checked in already: whatever the code now, the member is told so; nothing is awarded again.
            return attendee.CheckInKey == idempotencyKey ? first : first with { PointsAwarded = 0, AlreadyCheckedIn = true };
        }

        var now = clock.UtcNow;
        RequireInWindow(info, now);
        RequireCode(memberId, code, now);
        var remoteFirst = attendee?.RemoteAwardedAt is not null;
        var award = remoteFirst ? null : await GrainFactory.GetGrain<IMemberGrain>(memberId)
            .AwardAsync(new Award(Activity.EventOnSite, info.Points, $"event:{EventId}:on-site", AttendanceAwardKey), cancellationToken);
        if (award is not null)
        {
            await RecordAttendanceAsync(memberId, info, AttendanceMode.OnSite, now, award, cancellationToken);
        }

        attendee ??= Enrol(profile, now);
        attendee.CheckIn = new EventCheckInResult(EventId, memberId, now, award?.PointsAwarded ?? 0, award?.Entry, AlreadyCheckedIn: false, remoteFirst);
        attendee.CheckInKey = idempotencyKey;
        await SaveAttendeeAsync(attendee);
        return attendee.CheckIn;
    }

    private async Task<HeartbeatResult> SendHeartbeatInTurnAsync(Caller caller, string memberId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var (info, profile) = await RequireAudienceAsync(caller, memberId, cancellationToken);
        if (!info.Streamed)
        {
            throw EngagementException.FailedPrecondition(ErrorReasons.EventNotStreamed, "This event is not streamed; attend it on site.");
        }

        var attendee = Attendees.GetValueOrDefault(memberId);
        if (attendee is { LastHeartbeat: { } last } && attendee.LastHeartbeatKey == idempotencyKey)
        {
            return last;
        }

        var now = clock.UtcNow;
        RequireInWindow(info, now);
        var credited = attendee?.LastHeartbeatAt is { } previous && now - previous <= EventLimits.MaxHeartbeatGap
            ? WithinEvent(previous, now, info)
            : TimeSpan.Zero;
        var watched = (attendee?.Watched ?? TimeSpan.Zero) + credited;
        var earns = watched >= TimeSpan.FromMinutes(info.RemoteMinutes) && attendee?.CheckIn is null && attendee?.RemoteAwardedAt is null;
        var award = earns
            ? await GrainFactory.GetGrain<IMemberGrain>(memberId)
                .AwardAsync(new Award(Activity.EventRemote, info.RemotePoints, $"event:{EventId}:remote", AttendanceAwardKey), cancellationToken)
            : null;

        if (award is not null)
        {
            await RecordAttendanceAsync(memberId, info, AttendanceMode.Remote, now, award, cancellationToken);
        }

        attendee ??= Enrol(profile, now);
        attendee.Watched = watched;
        attendee.LastHeartbeatAt = now;
        if (award is not null)
        {
            attendee.RemoteAwardedAt = now;
            attendee.RemotePointsAwarded = award.PointsAwarded;
        }

        attendee.LastHeartbeat = new HeartbeatResult(EventId, memberId, now, (int)credited.TotalSeconds, (int)watched.TotalMinutes,
            info.RemoteMinutes, award?.PointsAwarded ?? 0, award?.Entry);
        attendee.LastHeartbeatKey = idempotencyKey;
        await SaveAttendeeAsync(attendee);
        return attendee.LastHeartbeat;
    }

    /// <summary>
    /// The member acting for themselves, in the event's audience (its branch, or a branch of its committee), and
    /// real-name verified. Checked before anything is written.
    /// </summary>
    private async Task<(EventInfo Info, MemberProfile Profile)> RequireAudienceAsync(Caller caller, string memberId, CancellationToken cancellationToken)
    {
        var info = RequireInfo();
        await DemandAsync(caller, info, caller.Has(Role.Member, memberId), "act for another member at this event");
        var profile = await GrainFactory.GetGrain<IMemberGrain>(memberId).GetMembershipAsync(cancellationToken);
        var inAudience = profile.ParkId == info.ParkId
            && (info.BranchId is { } branchId ? profile.BranchId == branchId : profile.CommitteeId == info.CommitteeId);
        await DemandAsync(caller, info, inAudience, "join an event of another branch or committee");
        if (!profile.Verified)
        {
            throw EngagementException.FailedPrecondition(ErrorReasons.MemberNotVerified,
                "Only real-name verified members can take part in events; ask your branch secretary to verify you.");
        }

        return (info, profile);
    }

    private void RequireCode(string memberId, string code, DateTimeOffset now)
    {
        if (_wrongCodes.BlockedUntil(memberId, now) is { } until)
        {
            throw EngagementException.ResourceExhausted(ErrorReasons.CheckInAttemptsExceeded,
                $"Too many wrong check-in codes; try again in {Math.Ceiling((until - now).TotalMinutes)} minutes.").RetryIn(until - now);
        }

        if (!CheckInCodes.Accepts(S.Secret, code, now))
        {
            // The codes themselves are never logged or echoed: the message says only that this one is not valid now.
            _wrongCodes.Record(memberId, now);
            throw EngagementException.FailedPrecondition(ErrorReasons.CheckInCodeInvalid,
                "The check-in code is wrong or has expired; enter the code now shown on the organiser's screen.");
        }
    }

    /// <summary>
    /// Tells the member's event history (insights) once the attendance counted, also when it paid 0 points. Before
    /// this grain saves, so a failed save is retried with it; the history ignores a repeated event.
    /// </summary>
    private Task RecordAttendanceAsync(string memberId, EventInfo info, AttendanceMode mode, DateTimeOffset now, AwardResult award, CancellationToken cancellationToken) =>
        GrainFactory.GetGrain<IMemberEventHistoryGrain>(memberId)
            .RecordAsync(new AttendedEvent(EventId, info.Title, mode, now, award.PointsAwarded), cancellationToken);

    private static AttendeeState Enrol(MemberProfile profile, DateTimeOffset now)
    {
        // Known to the others only once saved (SaveAttendeeAsync): a failed call leaves no half-enrolled attendee.
        return new AttendeeState { MemberId = profile.MemberId, DisplayName = profile.DisplayName, BranchId = profile.BranchId, FirstSeenAt = now };
    }

    /// <summary>The keys that changed the attendee's seat, now (request hash: RSVP or cancel).</summary>
    private Idempotency<string> Seat(AttendeeState attendee)
    {
        var seat = new Idempotency<string>(attendee.Seat, $"event/{EventId}/{attendee.MemberId}", GrainFactory, idempotency.Value.Window, clock.UtcNow);
        if (attendee.SeatKeys.Count > 0)
        {
            seat.Adopt(attendee.SeatKeys.Select(k => (k, (string?)null)));
            attendee.SeatKeys.Clear();
        }

        return seat;
    }

    /// <summary>The part of [<paramref name="from"/>, <paramref name="to"/>] that lies within the event.</summary>
    private static TimeSpan WithinEvent(DateTimeOffset from, DateTimeOffset to, EventInfo info)
    {
        var start = from > info.StartsAt ? from : info.StartsAt;
        var end = to < info.EndsAt ? to : info.EndsAt;
        return end > start ? end - start : TimeSpan.Zero;
    }
}
