namespace Engagement;

/// <summary>
/// An event a member attended, as their event history records it: the first way that counted (an on-site check-in,
/// or the remote minutes reached), at what time and what it paid (0 when the event pays nothing).
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.AttendedEvent")]
public sealed record AttendedEvent(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Title,
    [property: Id(2)] AttendanceMode Mode,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] long PointsAwarded);
