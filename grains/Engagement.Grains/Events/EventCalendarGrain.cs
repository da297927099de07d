namespace Engagement;

[GrainType("event-calendar")]
public sealed class EventCalendarGrain(
    [PersistentState("event-calendar", StorageNames.Main)] IPersistentState<EventCalendarState> state) : EngagementGrain, IEventCalendarGrain, IEventCalendarGrainInternal
{
    public async Task AddAsync(EventSummary summary, CancellationToken cancellationToken = default)
    {
        if (state.State.Events.Exists(e => e.EventId == summary.EventId))
        {
            return;
        }

        // Ended events stay: organisers list their past events too (a branch publishes a few a week).
        state.State.Events.Add(summary);
        await SaveAsync(state);
    }

    public async Task<EventSummaryPage> ListPublishedAsync(Caller caller, int pageSize, string? after, CancellationToken cancellationToken = default)
    {
        var key = this.GetPrimaryKeyString();
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var (kind, id) = (key[..colon], key[(colon + 1)..]);
        if (kind == "branch")
        {
            var branch = await GrainFactory.GetGrain<IBranchGrainInternal>(id).GetInfoAsync(cancellationToken);
            await GrainFactory.DemandAsync(caller, caller.Oversees(branch), branch.ParkId, "list this branch's events", () => Missing.Branch(id), cancellationToken);
        }
        else
        {
            var committee = await GrainFactory.GetGrain<ICommitteeGrainInternal>(id).GetInfoAsync(cancellationToken);
            await GrainFactory.DemandAsync(caller, caller.Has(Role.CommitteeLeader, id) || caller.Has(Role.ParkAdmin, committee.ParkId), committee.ParkId,
                "list this committee's events", () => Missing.Committee(id), cancellationToken);
        }

        var following = state.State.Events
            .Where(e => after is null || EventCursor.Compare(e, after) < 0)
            .OrderByDescending(e => e.StartsAt).ThenByDescending(e => e.EventId, StringComparer.Ordinal)
            .Take(pageSize + 1)
            .ToList();
        var page = following.Take(pageSize).ToList();
        return new EventSummaryPage(page, following.Count > pageSize ? EventCursor.Of(page[^1]) : null);
    }

    public Task<IReadOnlyList<EventSummary>> ListEndingAfterAsync(DateTimeOffset after, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<EventSummary>>(
            [.. state.State.Events.Where(e => e.EndsAt > after).OrderBy(e => e.StartsAt).ThenBy(e => e.EventId, StringComparer.Ordinal)]);
}
