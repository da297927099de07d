using System.Globalization;

namespace Engagement;

/// <summary>A page of upcoming events as one member sees them, soonest first; <see cref="Next"/> is null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("engagement.UpcomingEventsPage")]
public sealed record UpcomingEventsPage([property: Id(0)] IReadOnlyList<MemberEventView> Items, [property: Id(1)] string? Next);

/// <summary>A page of a calendar's events, latest start first; <see cref="Next"/> is null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("engagement.EventSummaryPage")]
public sealed record EventSummaryPage([property: Id(0)] IReadOnlyList<EventSummary> Items, [property: Id(1)] string? Next);

/// <summary>
/// Where a page of events stopped: <c>{start ticks}/{event id}</c>. Events are ordered by start, then id, so a page
/// that starts after the last one shown neither repeats nor skips one, even when events are published in between.
/// </summary>
public static class EventCursor
{
    public static string Of(EventSummary e) => $"{e.StartsAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}/{e.EventId}";

    /// <summary>Compares an event's position with a cursor: negative when the event comes before it (start, then id).</summary>
    public static int Compare(EventSummary e, string cursor)
    {
        var slash = cursor.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !long.TryParse(cursor.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            return 1;
        }

        var byStart = e.StartsAt.UtcTicks.CompareTo(ticks);
        return byStart != 0 ? byStart : string.CompareOrdinal(e.EventId, cursor[(slash + 1)..]);
    }
}
