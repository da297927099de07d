namespace Engagement;

/// <summary>
/// One park-local day of a profile: points per earning kind and adjustments (<see cref="Points"/>, only kinds with
/// entries), <see cref="Earned"/> = kinds 1–7, and the points <see cref="Spent"/> on redemptions and
/// <see cref="Refunded"/> (both as positive numbers).
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.DayPoints")]
public sealed record DayPoints(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] IReadOnlyList<KindPoints> Points,
    [property: Id(2)] long Earned,
    [property: Id(3)] long Spent,
    [property: Id(4)] long Refunded);
