namespace Engagement;

/// <summary>
/// One thing worth doing next. <see cref="ReferenceId"/> is what to act on: the day for check-in and quiz, the course
/// id (with <see cref="EpisodeId"/> for an episode), the event id. <see cref="PointsAvailable"/> is what doing it can
/// still earn under today's caps (for a course to review: its unwatched episodes and the completion bonus).
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.Recommendation")]
public sealed record Recommendation(
    [property: Id(0)] RecommendationKind Kind,
    [property: Id(1)] string Title,
    [property: Id(2)] string ReferenceId,
    [property: Id(3)] long PointsAvailable,
    [property: Id(4)] string? EpisodeId = null,
    [property: Id(5)] DateTimeOffset? StartsAt = null,
    [property: Id(6)] IReadOnlyList<string>? MatchingTags = null);
