using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Engagement;

/// <summary>An event: publishing, the check-in code and attendance here; a member's part in EventGrain.Attendance.cs.</summary>
[GrainType("event")]
public sealed partial class EventGrain(
    [PersistentState("event", StorageNames.Main)] IPersistentState<EventState> state,
    DomainClock clock,
    IOptions<IdempotencyOptions> idempotency) : EngagementGrain, IEventGrain, IEventGrainInternal
{
    private readonly WrongCodeThrottle _wrongCodes = new();

    private string EventId => this.GetPrimaryKeyString();

    private EventState S => state.State;

    public async Task<EventInfo> PublishAsync(Caller caller, EventDraft draft, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        if (draft.Violations() is { Count: > 0 } violations)
        {
            throw EngagementException.InvalidArgument(violations);
        }

        var (parkId, committeeId) = await OrganiserAsync(draft, cancellationToken);
        await GrainFactory.DemandAsync(caller, caller.Has(Role.ParkAdmin, parkId)
            || (draft.BranchId is { } branchId ? caller.Has(Role.Secretary, branchId) : caller.Has(Role.CommitteeLeader, committeeId)),
            parkId, "publish events for this branch or committee",
            () => draft.BranchId is { } branch ? Missing.Branch(branch) : Missing.Committee(committeeId), cancellationToken);
        var request = RequestHash.Of(draft);
        if (S.Info is not null)
        {
            if (!CreateOnce.IsRetry(S.CreationKey, S.CreationHash, idempotencyKey, request) || !IsOrganiser(caller, S.Info))
            {
                throw EngagementException.AlreadyExists(ErrorReasons.EventExists, $"Event '{EventId}' already exists.");
            }
        }
        else
        {
            var now = clock.UtcNow;
            if (draft.EndsAt <= now)
            {
                throw EngagementException.InvalidArgument("end_time", "must be in the future");
            }

            // The terms are fixed now, so members know what they will earn and a later rule change rewrites nothing.
            var rules = await GrainFactory.GetGrain<ICommitteeGrainInternal>(committeeId).GetRulesAsync(now, cancellationToken);
            var points = draft.Points ?? rules.EventOnSiteDefaultPoints;
            S.Info = new EventInfo(EventId, parkId, committeeId, draft.BranchId, draft.Title, draft.Place, draft.StartsAt, draft.EndsAt,
                draft.Capacity, points, draft.Streamed, points * rules.EventRemotePercent / 100, rules.EventRemoteMinutes, caller.Subject, now);
            S.CreationKey = idempotencyKey;
            S.CreationHash = request;
            S.Secret = RandomNumberGenerator.GetBytes(32);
            await SaveAsync(state);
        }

        // Also on a retry: the calendar entry may be what a crash lost.
        await GrainFactory.GetGrain<IEventCalendarGrainInternal>(S.Info.CalendarKey).AddAsync(EventSummary.Of(S.Info), cancellationToken);
        await AuditTrail.AppendInParkAsync(GrainFactory, new AuditRecord(S.Info.PublishedAt, caller.Subject, "publish-event", EventId,
            $"{S.Info.Title} ({S.Info.Points} points)", S.Info.ParkId, S.Info.BranchId), idempotencyKey);
        return S.Info;
    }

    public async Task<MemberEventView> GetOverviewAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var info = RequireInfo();
        await DemandAsync(caller, info, Oversees(caller, info), "read this event's seats");
        return View("");
    }

    public Task<MemberEventView> GetMemberViewAsync(string memberId, CancellationToken cancellationToken = default)
    {
        RequireInfo();
        return Task.FromResult(View(memberId));
    }

    public async Task<CheckInCode> GetCheckInCodeAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var info = RequireInfo();
        await DemandAsync(caller, info, IsOrganiser(caller, info), "show this event's check-in code");
        var now = clock.UtcNow;
        RequireNotEnded(info, now);
        var window = CheckInCodes.Window(now);
        return new CheckInCode(CheckInCodes.Compute(S.Secret, window), CheckInCodes.WindowEnd(window));
    }

    public async Task<EventAttendance> ListAttendanceAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var info = RequireInfo();
        await DemandAsync(caller, info, Oversees(caller, info), "read this event's attendance");
        var records = Attendees.Values.Where(a => a.Attended).OrderBy(a => a.FirstSeenAt).ThenBy(a => a.MemberId, StringComparer.Ordinal)
            .Select(a => new AttendanceRecord(a.MemberId, a.DisplayName, a.BranchId, a.RsvpAt, a.CheckIn?.CheckedInAt,
                (int)a.Watched.TotalMinutes, a.PointsAwarded));
        return new EventAttendance(info, [.. records]);
    }

    /// <summary>The park and committee of the branch or committee that organises the event; NotFound when unknown.</summary>
    private async Task<(string ParkId, string CommitteeId)> OrganiserAsync(EventDraft draft, CancellationToken cancellationToken)
    {
        if (draft.BranchId is { } branchId)
        {
            var branch = await GrainFactory.GetGrain<IBranchGrainInternal>(branchId).GetInfoAsync(cancellationToken);
            return (branch.ParkId, branch.CommitteeId);
        }

        var committee = await GrainFactory.GetGrain<ICommitteeGrainInternal>(draft.CommitteeId!).GetInfoAsync(cancellationToken);
        return (committee.ParkId, committee.CommitteeId);
    }

    private EventInfo RequireInfo() =>
        S.Info ?? throw Missing.Event(EventId);

    /// <summary>Refuses callers of the event's park with PERMISSION_DENIED, anyone else as if the event did not exist.</summary>
    private Task DemandAsync(Caller caller, EventInfo info, bool allowed, string action) =>
        GrainFactory.DemandAsync(caller, allowed, info.ParkId, action, () => Missing.Event(EventId));

    /// <summary>Those who may publish for the event's branch or committee.</summary>
    private static bool IsOrganiser(Caller caller, EventInfo info) =>
        caller.Has(Role.ParkAdmin, info.ParkId)
        || (info.BranchId is { } branchId ? caller.Has(Role.Secretary, branchId) : caller.Has(Role.CommitteeLeader, info.CommitteeId));

    /// <summary>Organisers, and the committee's leaders for branch events: who lists the event's calendar.</summary>
    private static bool Oversees(Caller caller, EventInfo info) =>
        IsOrganiser(caller, info) || caller.Has(Role.CommitteeLeader, info.CommitteeId);

    private int RsvpCount => Attendees.Values.Count(a => a.RsvpAt is not null);

    private MemberEventView View(string memberId)
    {
        var attendee = Attendees.GetValueOrDefault(memberId);
        return new MemberEventView(S.Info!, RsvpCount, attendee?.RsvpAt is not null, attendee?.CheckIn?.CheckedInAt,
            (int)(attendee?.Watched.TotalMinutes ?? 0), attendee?.PointsAwarded ?? 0);
    }

    private static void RequireNotEnded(EventInfo info, DateTimeOffset now)
    {
        if (now > info.EndsAt)
        {
            throw EngagementException.FailedPrecondition(ErrorReasons.EventEnded, $"The event ended at {info.EndsAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC.");
        }
    }

    private static void RequireInWindow(EventInfo info, DateTimeOffset now)
    {
        if (now < info.StartsAt)
        {
            throw EngagementException.FailedPrecondition(ErrorReasons.EventNotStarted,
                $"The event starts at {info.StartsAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC; check-in and watching count from then.");
        }

        RequireNotEnded(info, now);
    }
}
