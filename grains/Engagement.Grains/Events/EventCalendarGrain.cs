namespace Engagement;

[GrainType("event-calendar")]
public sealed class EventCalendarGrain(
    [PersistentState("event-calendar", StorageNames.Main)] IPersistentState<EventCalendarState> state,
    DomainClock clock) : EngagementGrain, IEventCalendarGrain
{
    public async Task AddAsync(EventSummary summary, CancellationToken cancellationToken = default)
    {
        if (state.State.Events.Exists(e => e.EventId == summary.EventId))
        {
            return;
        }

        // Nobody lists ended events, so the calendar forgets them and stays as small as the upcoming ones.
        var now = clock.UtcNow;
        state.State.Events.RemoveAll(e => e.EndsAt <= now);
        state.State.Events.Add(summary);
        await SaveAsync(state);
    }

    public Task<IReadOnlyList<EventSummary>> ListEndingAfterAsync(DateTimeOffset after, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<EventSummary>>(
            [.. state.State.Events.Where(e => e.EndsAt > after).OrderBy(e => e.StartsAt).ThenBy(e => e.EventId, StringComparer.Ordinal)]);
}
