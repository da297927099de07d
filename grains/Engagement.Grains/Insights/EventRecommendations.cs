namespace Engagement;

/// <summary>
/// Upcoming events of the member's branch and committee calendars that start within 14 days, still have a seat and
/// that the member has not RSVP'd; soonest first.
/// </summary>
internal sealed class EventRecommendations(IGrainFactory grains, MemberProfile member, DateTimeOffset now)
{
    public async Task<IReadOnlyList<Recommendation>> ListAsync(CancellationToken cancellationToken)
    {
        var horizon = now.AddDays(InsightsLimits.EventHorizonDays);
        var calendars = await Task.WhenAll(
            grains.GetGrain<IEventCalendarGrainInternal>(EventCalendars.ForBranch(member.BranchId)).ListEndingAfterAsync(now, cancellationToken),
            grains.GetGrain<IEventCalendarGrainInternal>(EventCalendars.ForCommittee(member.CommitteeId)).ListEndingAfterAsync(now, cancellationToken));
        var upcoming = calendars.SelectMany(c => c)
            .Where(e => e.StartsAt >= now && e.StartsAt <= horizon)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.EventId, StringComparer.Ordinal)
            .Take(EventLimits.MaxUpcoming)
            .ToList();
        var views = await Task.WhenAll(upcoming.Select(e => grains.GetGrain<IEventGrainInternal>(e.EventId).GetMemberViewAsync(member.MemberId, cancellationToken)));
        return [.. views
            .Where(v => !v.Rsvped && v.RsvpCount < v.Event.Capacity)
            .Take(InsightsLimits.MaxPerKind)
            .Select(v => new Recommendation(RecommendationKind.Event, v.Event.Title, v.Event.EventId, v.Event.Points, StartsAt: v.Event.StartsAt))];
    }
}
