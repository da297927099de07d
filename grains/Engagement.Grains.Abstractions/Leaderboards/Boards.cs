namespace Engagement;

/// <summary>
/// References to boards. Two grain classes serve <see cref="ILeaderboardGrain"/>: the ranking of a board or of a
/// shard (<c>leaderboard</c>), and the grain that merges a sharded board's shards (<c>board-head</c>). The key says
/// which, so every reference to a board is made here (the interface alone would be ambiguous, and Orleans refuses it).
/// </summary>
public static class Boards
{
    private static readonly GrainType Ranking = GrainType.Create("leaderboard");
    private static readonly GrainType Merged = GrainType.Create("board-head");

    /// <summary>The grain serving <paramref name="boardKey"/> (a board or a shard) as <typeparamref name="T"/>.</summary>
    public static T Board<T>(this IGrainFactory grains, string boardKey)
        where T : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<T>(GrainId.Create(BoardKeys.IsMerged(boardKey) ? Merged : Ranking, boardKey));
    }
}
