namespace Engagement;

/// <summary>A branch's inactive members on <see cref="Today"/>, longest inactive first, out of <see cref="RosterSize"/>.</summary>
[GenerateSerializer, Immutable, Alias("engagement.InactiveMembers")]
public sealed record InactiveMembers(
    [property: Id(0)] string BranchId,
    [property: Id(1)] int InactiveDays,
    [property: Id(2)] DateOnly Today,
    [property: Id(3)] int RosterSize,
    [property: Id(4)] IReadOnlyList<InactiveMember> Members);
