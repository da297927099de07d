namespace Engagement;

/// <summary>A course of a park: ordered episodes. Never changes once created.</summary>
[GenerateSerializer, Immutable, Alias("engagement.CourseInfo")]
public sealed record CourseInfo(
    [property: Id(0)] string CourseId,
    [property: Id(1)] string ParkId,
    [property: Id(2)] string Title,
    [property: Id(3)] string Description,
    [property: Id(4)] IReadOnlyList<string> Tags,
    [property: Id(5)] IReadOnlyList<EpisodeInfo> Episodes,
    [property: Id(6)] DateTimeOffset CreatedAt)
{
    /// <summary>The episode with this id, or null.</summary>
    public EpisodeInfo? Episode(string episodeId) => Episodes.FirstOrDefault(e => e.EpisodeId == episodeId);
}
