namespace Engagement;

/// <summary>A member's progress on one course, one <see cref="EpisodeProgress"/> per episode in the course's order.</summary>
[GenerateSerializer, Immutable, Alias("engagement.CourseProgress")]
public sealed record CourseProgress(
    [property: Id(0)] string CourseId,
    [property: Id(1)] int EpisodesWatched,
    [property: Id(2)] int EpisodesTotal,
    [property: Id(3)] DateTimeOffset? CompletedAt,
    [property: Id(4)] IReadOnlyList<EpisodeProgress> Episodes)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Completed => CompletedAt is not null;
}
