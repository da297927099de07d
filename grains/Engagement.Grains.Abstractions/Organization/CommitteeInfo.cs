namespace Engagement;

[GenerateSerializer, Immutable, Alias("engagement.CommitteeInfo")]
public sealed record CommitteeInfo(
    [property: Id(0)] string CommitteeId,
    [property: Id(1)] string ParkId,
    [property: Id(2)] string Name,
    [property: Id(3)] DateTimeOffset CreatedAt);
