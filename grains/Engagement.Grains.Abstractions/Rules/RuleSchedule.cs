namespace Engagement;

/// <summary>The rules in force now and every version, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("engagement.RuleSchedule")]
public sealed record RuleSchedule(
    [property: Id(0)] PointsRules InForce,
    [property: Id(1)] IReadOnlyList<RuleVersion> Versions,
    [property: Id(2)] bool Inherited);
