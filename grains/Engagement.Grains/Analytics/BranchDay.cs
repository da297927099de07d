namespace Engagement;

/// <summary>A branch's activity on one park-local day: one row per member with entries that day in the branch.</summary>
[GenerateSerializer, Immutable, Alias("engagement.BranchDay")]
public sealed record BranchDay(
    [property: Id(0)] string BranchId,
    [property: Id(1)] DateOnly Day,
    [property: Id(2)] IReadOnlyList<MemberDay> Members);
