namespace Engagement;

/// <summary>
/// The outcome of a day's check-in; kept so that retries return it unchanged. <see cref="Entry"/> is null only when
/// the rules award 0 for a check-in; <see cref="StreakBonusEntry"/> is set on the days the streak bonus is paid.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.CheckInResult")]
public sealed record CheckInResult(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] long PointsAwarded,
    [property: Id(2)] LedgerEntry? Entry,
    [property: Id(3)] long Balance,
    [property: Id(4)] int StreakDays,
    [property: Id(5)] bool AlreadyCheckedIn,
    [property: Id(6)] LedgerEntry? StreakBonusEntry = null);
