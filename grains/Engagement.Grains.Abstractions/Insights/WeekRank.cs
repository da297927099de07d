namespace Engagement;

/// <summary>
/// The member's standing on the weekly boards of their (current) branch and committee for one ISO week
/// (<c>2026-W48</c>, park-local). A null rank means the member is not on that board.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.WeekRank")]
public sealed record WeekRank(
    [property: Id(0)] string Week,
    [property: Id(1)] DateOnly FirstDay,
    [property: Id(2)] long? BranchRank,
    [property: Id(3)] long BranchScore,
    [property: Id(4)] long BranchTotal,
    [property: Id(5)] long? CommitteeRank,
    [property: Id(6)] long CommitteeScore,
    [property: Id(7)] long CommitteeTotal);
