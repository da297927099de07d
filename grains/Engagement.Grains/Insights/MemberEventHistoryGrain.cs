namespace Engagement;

/// <summary>
/// A member's attended events for insights. The event grains keep attendance per event; this keeps it per member,
/// so a profile finds the events of a period without asking every event, and sees attendances that paid 0 points.
/// </summary>
[GrainType("member-event-history")]
public sealed class MemberEventHistoryGrain(
    [PersistentState("member-event-history", StorageNames.Main)] IPersistentState<MemberEventHistoryState> state) : EngagementGrain, IMemberEventHistoryGrain
{
    private List<AttendedEvent> Events => state.State.Events;

    public async Task RecordAsync(AttendedEvent attended, CancellationToken cancellationToken = default)
    {
        if (Events.Exists(e => e.EventId == attended.EventId))
        {
            return;
        }

        Events.Add(attended);
        Events.Sort((a, b) => a.At.CompareTo(b.At));
        var oldest = Events[^1].At.AddDays(-InsightsLimits.LookbackDays);
        Events.RemoveAll(e => e.At < oldest);
        if (Events.Count > InsightsLimits.MaxAttendedEvents)
        {
            Events.RemoveRange(0, Events.Count - InsightsLimits.MaxAttendedEvents);
        }

        await SaveAsync(state);
    }

    public Task<IReadOnlyList<AttendedEvent>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AttendedEvent>>([.. Events.Where(e => e.At >= from && e.At < to)]);
}
