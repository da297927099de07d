namespace Engagement;

/// <summary>
/// A member's watching of one episode: the covered spans (merged, ordered), the anchor (the last report's position and
/// time, from which the next report is measured), and when it became watched with what the award gave.
/// Immutable so a report builds the next track aside and stores it only once its awards succeeded.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.EpisodeTrack")]
public sealed record EpisodeTrack(
    [property: Id(0)] IReadOnlyList<CoveredSpan> Covered,
    [property: Id(1)] int? AnchorPosition,
    [property: Id(2)] DateTimeOffset? AnchorAt,
    [property: Id(3)] DateTimeOffset? WatchedAt,
    [property: Id(4)] AwardResult? Award)
{
    public static EpisodeTrack Empty { get; } = new([], null, null, null, null);

    [System.Text.Json.Serialization.JsonIgnore]
    public bool Watched => WatchedAt is not null;

    [System.Text.Json.Serialization.JsonIgnore]
    public int CoveredSeconds => Covered.Sum(s => s.Length);
}
