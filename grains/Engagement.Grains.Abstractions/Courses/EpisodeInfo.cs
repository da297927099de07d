namespace Engagement;

/// <summary>One video lesson of a course; <see cref="DurationSeconds"/> is 60..14400.</summary>
[GenerateSerializer, Immutable, Alias("engagement.EpisodeInfo")]
public sealed record EpisodeInfo(
    [property: Id(0)] string EpisodeId,
    [property: Id(1)] string Title,
    [property: Id(2)] int DurationSeconds);
