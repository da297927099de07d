namespace Engagement;

/// <summary>
/// The events a member attended, one record per event, keyed by member id. Written by the event grains when an
/// attendance first counts (idempotently by event id), even when it paid 0 points; kept for
/// <see cref="InsightsLimits.LookbackDays"/> days and at most <see cref="InsightsLimits.MaxAttendedEvents"/> events.
/// </summary>
[Alias("engagement.IMemberEventHistoryGrain")]
public interface IMemberEventHistoryGrain : IGrainWithStringKey
{
    /// <summary>Records an attendance; a second record of the same event changes nothing.</summary>
    Task RecordAsync(AttendedEvent attended, CancellationToken cancellationToken = default);

    /// <summary>The attendances at or after <paramref name="from"/> and before <paramref name="to"/>, oldest first. No caller check.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<AttendedEvent>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}
