namespace Engagement;

[GenerateSerializer, Immutable, Alias("engagement.BranchInfo")]
public sealed record BranchInfo(
    [property: Id(0)] string BranchId,
    [property: Id(1)] string CommitteeId,
    [property: Id(2)] string ParkId,
    [property: Id(3)] string Name,
    [property: Id(4)] DateTimeOffset CreatedAt);
