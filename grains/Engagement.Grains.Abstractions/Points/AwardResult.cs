namespace Engagement;

/// <summary>What an award did: <see cref="PointsAwarded"/> may be less than requested (daily cap); no entry when 0.</summary>
[GenerateSerializer, Immutable, Alias("engagement.AwardResult")]
public sealed record AwardResult(
    [property: Id(0)] long PointsRequested,
    [property: Id(1)] long PointsAwarded,
    [property: Id(2)] LedgerEntry? Entry,
    [property: Id(3)] long Balance,
    [property: Id(4)] long EarnedToday,
    [property: Id(5)] long? DailyCap);
