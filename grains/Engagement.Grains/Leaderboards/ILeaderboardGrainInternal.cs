namespace Engagement;

/// <summary>
/// What other grains tell a board (ledger entries from the silo's batcher, branch reports, names, repair): no caller
/// is checked here, so it lives in the grains assembly, where the gateway cannot reach it. Implemented by the same
/// grain as <see cref="ILeaderboardGrain"/>.
/// </summary>
[Alias("engagement.ILeaderboardGrainInternal")]
public interface ILeaderboardGrainInternal : IGrainWithStringKey
{
    /// <summary>
    /// For the points feed: applies a ledger entry once (by its sequence). An entry whose predecessors never arrived
    /// (a stream lost them) makes the board read the missing ones from the member's ledger first. The feed sends
    /// only ranked entries; <paramref name="previousRanked"/> (the member's previous ranked sequence, null when
    /// unknown) tells a skipped redemption from a lost event.
    /// </summary>
    Task ApplyAsync(LedgerEntry entry, long? previousRanked = null, CancellationToken cancellationToken = default);

    /// <summary>For the silo's batcher: applies several ledger entries (of any members) in order, as <see cref="ApplyAsync"/> would one by one.</summary>
    Task ApplyBatchAsync(IReadOnlyList<BoardUpdate> updates, CancellationToken cancellationToken = default);

    /// <summary>
    /// For branch boards of a committee: a branch's points in the period and its member count now (absolute values,
    /// so a repeated report changes nothing).
    /// </summary>
    Task ReportBranchAsync(string branchId, long points, int members, DateTimeOffset at, string? branchName = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// For a member whose display name changed: shows <paramref name="name"/> for them if they are on this board and it
    /// is newer than the one it has (nothing otherwise; the board does not learn of members here). One-way: the member
    /// grain does not wait for boards, which may be reading its ledger at that moment.
    /// </summary>
    [OneWay]
    Task RenameAsync(string memberId, MemberName name);

    /// <summary>
    /// For the grain that merges a sharded board: this ranking around <paramref name="key"/> (null: the top), see
    /// <see cref="BoardRanking.Slice"/>. Ranks in the answer are ranks on this shard. Interleaves: it only reads the
    /// ranking (changed within single turns), and a read of a sharded board waits for the slowest of its shards, so it
    /// must not queue behind a shard's snapshot write or ledger read-back.
    /// </summary>
    [AlwaysInterleave]
    Task<BoardSlice> SliceAsync(BoardEntry? key, int before, int after, CancellationToken cancellationToken = default);

    /// <summary>For the grain that merges a sharded board: the member's entry on this shard (its rank here), or null. Interleaves, as <see cref="SliceAsync"/>.</summary>
    [AlwaysInterleave]
    Task<BoardEntry?> EntryOfAsync(string memberId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Compares every member of the board's scope with their ledger and applies what the stream never delivered
    /// (runs on a timer; also callable). Returns how many members were repaired. Interleaves with everything else:
    /// a pass over a large scope takes a while, and the board keeps serving meanwhile.
    /// </summary>
    [AlwaysInterleave]
    Task<int> ReconcileAsync(CancellationToken cancellationToken = default);
}
