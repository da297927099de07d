namespace Engagement;

/// <summary>
/// A roster member without an earning ledger entry in the last days asked for. <see cref="LastActiveAt"/> is the time
/// of their newest earning entry, null when none lies within <see cref="InsightsLimits.InactivityScanDays"/> days;
/// <see cref="DaysInactive"/> counts park-local days since then (since registration when null, at most 90).
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.InactiveMember")]
public sealed record InactiveMember(
    [property: Id(0)] string MemberId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Phone,
    [property: Id(3)] DateTimeOffset? LastActiveAt,
    [property: Id(4)] int DaysInactive,
    [property: Id(5)] bool Verified,
    [property: Id(6)] bool Active);
