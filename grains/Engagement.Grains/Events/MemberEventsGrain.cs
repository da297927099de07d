namespace Engagement;

/// <summary>Reads a member's two calendars (branch and committee) and asks each upcoming event for the member's part.</summary>
[StatelessWorker]
[GrainType("member-events")]
public sealed class MemberEventsGrain(DomainClock clock) : Grain, IMemberEventsGrain
{
    public async Task<UpcomingEventsPage> ListUpcomingAsync(Caller caller, int pageSize, string? after, CancellationToken cancellationToken = default)
    {
        var memberId = this.GetPrimaryKeyString();
        var profile = await GrainFactory.GetGrain<IMemberGrainInternal>(memberId).GetMembershipAsync(cancellationToken);
        await GrainFactory.DemandAsync(caller, caller.Has(Role.Member, memberId), profile.ParkId, "list another member's events",
            () => Missing.Member(memberId), cancellationToken);
        var now = clock.UtcNow;
        var calendars = await Task.WhenAll(
            Calendar(EventCalendars.ForBranch(profile.BranchId)).ListEndingAfterAsync(now, cancellationToken),
            Calendar(EventCalendars.ForCommittee(profile.CommitteeId)).ListEndingAfterAsync(now, cancellationToken));
        var following = calendars.SelectMany(c => c)
            .Where(e => after is null || EventCursor.Compare(e, after) > 0)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.EventId, StringComparer.Ordinal)
            .Take(pageSize + 1)
            .ToList();
        var page = following.Take(pageSize).ToList();
        var views = await Task.WhenAll(page.Select(e => GrainFactory.GetGrain<IEventGrainInternal>(e.EventId).GetMemberViewAsync(memberId, cancellationToken)));
        return new UpcomingEventsPage(views, following.Count > pageSize ? EventCursor.Of(page[^1]) : null);
    }

    private IEventCalendarGrainInternal Calendar(string key) => GrainFactory.GetGrain<IEventCalendarGrainInternal>(key);
}
