namespace Engagement;

/// <summary>A board's scores, snapshotted every few seconds; the ranking is rebuilt from it on activation.</summary>
[GenerateSerializer, Alias("engagement.BoardState")]
public sealed class BoardState
{
    [Id(0)]
    public Dictionary<string, BoardScore> Scores { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Set only by the snapshot a board writes when it is deactivated, and only if it had compared itself with the
    /// ledgers since the cluster's membership last changed: that membership, as <see cref="RepairSchedule.Membership"/>
    /// names it (its version and its active silos, whose addresses carry their start times, so a cluster re-created
    /// with a fresh membership table never matches). A board re-activated while the membership is still this one
    /// missed nothing (no silo died with its events in flight, and calls to a
    /// deactivated grain reach its next activation), so it skips the full comparison that would wake every member of
    /// its scope. Null otherwise (every periodic snapshot), which means: compare at once.
    /// </summary>
    [Id(1)]
    public string? InSyncWith { get; set; }
}

/// <summary>
/// An entrant's score. <see cref="Name"/> is what the board shows for it (a member's display name, a branch's name),
/// kept with the board so a read or a watch never asks member grains; <see cref="NameVersion"/> is the member's
/// rename count it came with (older names never replace newer ones).
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.BoardScore")]
public sealed record BoardScore(
    [property: Id(0)] string MemberId,
    [property: Id(1)] long Score,
    [property: Id(2)] DateTimeOffset ReachedAt,
    [property: Id(3)] long LastSequence = 0,
    [property: Id(4)] int Members = 0,
    [property: Id(5)] string? Name = null,
    [property: Id(6)] long NameVersion = 0);

/// <summary>Best first: higher score, then who reached it first, then the smaller member id.</summary>
public sealed class BoardOrder : IComparer<BoardScore>, IComparer<BoardEntry>
{
    public static BoardOrder Instance { get; } = new();

    /// <summary>The same order for entries (shards' pages merged into one).</summary>
    public int Compare(BoardEntry? x, BoardEntry? y) =>
        ReferenceEquals(x, y) ? 0
        : x is null || y is null ? (x is null ? 1 : -1)
        : Compare(x.Score, x.ReachedAt, x.MemberId, y.Score, y.ReachedAt, y.MemberId);

    public int Compare(BoardScore? x, BoardScore? y) =>
        ReferenceEquals(x, y) ? 0
        : x is null || y is null ? (x is null ? 1 : -1)
        : Compare(x.Score, x.ReachedAt, x.MemberId, y.Score, y.ReachedAt, y.MemberId);

    private static int Compare(long xScore, DateTimeOffset xAt, string xId, long yScore, DateTimeOffset yAt, string yId)
    {
        var byScore = yScore.CompareTo(xScore);
        if (byScore != 0)
        {
            return byScore;
        }

        var byTime = xAt.CompareTo(yAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(xId, yId);
    }
}

/// <summary>Branches by points per member (a × b' against b × a', no rounding), then who got there first, then id.</summary>
public sealed class PerMemberOrder : IComparer<BoardScore>
{
    public static PerMemberOrder Instance { get; } = new();

    public int Compare(BoardScore? x, BoardScore? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }

        var byRate = ((decimal)y.Score * Math.Max(1, x.Members)).CompareTo((decimal)x.Score * Math.Max(1, y.Members));
        if (byRate != 0)
        {
            return byRate;
        }

        var byTime = x.ReachedAt.CompareTo(y.ReachedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(x.MemberId, y.MemberId);
    }
}
