namespace Engagement;

[GenerateSerializer, Immutable, Alias("engagement.ParkInfo")]
public sealed record ParkInfo(
    [property: Id(0)] string ParkId,
    [property: Id(1)] string Name,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] DateTimeOffset CreatedAt);
