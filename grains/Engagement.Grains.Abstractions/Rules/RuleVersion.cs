namespace Engagement;

/// <summary>
/// Rules in force from <see cref="EffectiveFrom"/> until the next version's. On a committee, null
/// <see cref="Rules"/> means "the park's rules" (an override withdrawn).
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.RuleVersion")]
public sealed record RuleVersion(
    [property: Id(0)] DateTimeOffset EffectiveFrom,
    [property: Id(1)] PointsRules? Rules,
    [property: Id(2)] string ChangedBy,
    [property: Id(3)] DateTimeOffset ChangedAt);
