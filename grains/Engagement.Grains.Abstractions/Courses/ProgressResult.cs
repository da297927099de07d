namespace Engagement;

/// <summary>
/// What a progress report did. <see cref="EpisodeAward"/> is set only on the report that made the episode watched,
/// <see cref="CourseAward"/> only on the one that completed the course; retries return the first result unchanged.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.ProgressResult")]
public sealed record ProgressResult(
    [property: Id(0)] string CourseId,
    [property: Id(1)] string EpisodeId,
    [property: Id(2)] int DurationSeconds,
    [property: Id(3)] int CoveredSeconds,
    [property: Id(4)] int AddedSeconds,
    [property: Id(5)] int Percent,
    [property: Id(6)] bool Watched,
    [property: Id(7)] AwardResult? EpisodeAward,
    [property: Id(8)] AwardResult? CourseAward,
    [property: Id(9)] bool CourseCompleted,
    [property: Id(10)] int EpisodesWatched,
    [property: Id(11)] int EpisodesTotal,
    [property: Id(12)] DateTimeOffset ReportedAt);
