namespace Engagement;

/// <summary>
/// What one heartbeat of a remote viewer counted: <see cref="CreditedSeconds"/> of watching (0 for the first one or
/// after a pause longer than <see cref="EventLimits.MaxHeartbeatGap"/>), the total so far, and the remote award if
/// this heartbeat earned it.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.HeartbeatResult")]
public sealed record HeartbeatResult(
    [property: Id(0)] string EventId,
    [property: Id(1)] string MemberId,
    [property: Id(2)] DateTimeOffset ReceivedAt,
    [property: Id(3)] int CreditedSeconds,
    [property: Id(4)] int RemoteMinutes,
    [property: Id(5)] int RequiredMinutes,
    [property: Id(6)] long PointsAwarded,
    [property: Id(7)] LedgerEntry? Entry);
