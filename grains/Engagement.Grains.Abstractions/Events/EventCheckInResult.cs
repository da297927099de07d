namespace Engagement;

/// <summary>
/// A member's on-site check-in, kept so that a retry returns it. <see cref="PointsAwarded"/> is 0 when the member had
/// already earned the event's remote points (<see cref="RemotePointsEarnedInstead"/>) or on a second check-in.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.EventCheckInResult")]
public sealed record EventCheckInResult(
    [property: Id(0)] string EventId,
    [property: Id(1)] string MemberId,
    [property: Id(2)] DateTimeOffset CheckedInAt,
    [property: Id(3)] long PointsAwarded,
    [property: Id(4)] LedgerEntry? Entry,
    [property: Id(5)] bool AlreadyCheckedIn,
    [property: Id(6)] bool RemotePointsEarnedInstead);
