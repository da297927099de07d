namespace Engagement;

/// <summary>What a park admin asks to create; the gateway has validated every field.</summary>
[GenerateSerializer, Immutable, Alias("engagement.NewCourse")]
public sealed record NewCourse(
    [property: Id(0)] string ParkId,
    [property: Id(1)] string Title,
    [property: Id(2)] string Description,
    [property: Id(3)] IReadOnlyList<string> Tags,
    [property: Id(4)] IReadOnlyList<EpisodeInfo> Episodes);
