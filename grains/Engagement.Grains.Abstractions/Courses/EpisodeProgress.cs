namespace Engagement;

/// <summary>A member's progress on one episode; <see cref="Percent"/> is covered seconds as a whole percentage, 0..100.</summary>
[GenerateSerializer, Immutable, Alias("engagement.EpisodeProgress")]
public sealed record EpisodeProgress(
    [property: Id(0)] string EpisodeId,
    [property: Id(1)] bool Watched,
    [property: Id(2)] int CoveredSeconds,
    [property: Id(3)] int Percent);
