namespace Engagement;

/// <summary>
/// A place on a board; <see cref="Rank"/> counts from 1. On a branch board <see cref="MemberId"/> is the branch id,
/// <see cref="Score"/> the branch's points and <see cref="Members"/> its member count. <see cref="Name"/> is the member's
/// display name (the branch's name on a branch board); null when the board has not learnt it yet.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.BoardEntry")]
public sealed record BoardEntry(
    [property: Id(0)] long Rank,
    [property: Id(1)] string MemberId,
    [property: Id(2)] long Score,
    [property: Id(3)] DateTimeOffset ReachedAt,
    [property: Id(4)] int Members = 0,
    [property: Id(5)] string? Name = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public double PointsPerMember => Members == 0 ? 0 : (double)Score / Members;
}

/// <summary>
/// A page of a board, best first, with the total number of members on it. <see cref="Version"/> grows each time the
/// board's top changes (watchers order updates by it; it restarts when the board is reactivated).
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.BoardPage")]
public sealed record BoardPage(
    [property: Id(0)] string BoardKey,
    [property: Id(1)] IReadOnlyList<BoardEntry> Entries,
    [property: Id(2)] long Total,
    [property: Id(3)] long Version = 0,
    [property: Id(4)] bool Ended = false);

/// <summary>A member's entry with the entries just above and below (null entry: not on the board yet).</summary>
[GenerateSerializer, Immutable, Alias("engagement.BoardStanding")]
public sealed record BoardStanding(
    [property: Id(0)] string BoardKey,
    [property: Id(1)] BoardEntry? Entry,
    [property: Id(2)] IReadOnlyList<BoardEntry> Above,
    [property: Id(3)] IReadOnlyList<BoardEntry> Below,
    [property: Id(4)] long Total);
