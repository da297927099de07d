namespace Engagement;

/// <summary>Reads a member's two calendars (branch and committee) and asks each upcoming event for the member's part.</summary>
[StatelessWorker]
[GrainType("member-events")]
public sealed class MemberEventsGrain(DomainClock clock) : Grain, IMemberEventsGrain
{
    public async Task<IReadOnlyList<MemberEventView>> ListUpcomingAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var memberId = this.GetPrimaryKeyString();
        Caller.Demand(caller.Has(Role.Member, memberId), "list another member's events");
        var profile = await GrainFactory.GetGrain<IMemberGrain>(memberId).GetMembershipAsync(cancellationToken);
        var now = clock.UtcNow;
        var calendars = await Task.WhenAll(
            Calendar(EventCalendars.ForBranch(profile.BranchId)).ListEndingAfterAsync(now, cancellationToken),
            Calendar(EventCalendars.ForCommittee(profile.CommitteeId)).ListEndingAfterAsync(now, cancellationToken));
        var soonest = calendars.SelectMany(c => c)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.EventId, StringComparer.Ordinal)
            .Take(EventLimits.MaxUpcoming);
        return await Task.WhenAll(soonest.Select(e => GrainFactory.GetGrain<IEventGrain>(e.EventId).GetMemberViewAsync(memberId, cancellationToken)));
    }

    private IEventCalendarGrain Calendar(string key) => GrainFactory.GetGrain<IEventCalendarGrain>(key);
}
