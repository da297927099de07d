namespace Engagement;

/// <summary>
/// What other grains ask of a branch without a caller: its info, and its roster as members join, leave and are counted
/// or reconciled.
/// It lives in the grains assembly, so the gateway (which references only the abstractions) cannot call it.
/// Implemented by the same grain as <see cref="IBranchGrain"/>.
/// </summary>
[Alias("engagement.IBranchGrainInternal")]
public interface IBranchGrainInternal : IGrainWithStringKey
{
    /// <summary>Reads the branch for other grains; NotFound if it was never created.</summary>
    [AlwaysInterleave]
    Task<BranchInfo> GetInfoAsync(CancellationToken cancellationToken = default);

    /// <summary>Records a member on the roster (idempotent).</summary>
    Task AddMemberAsync(string memberId, CancellationToken cancellationToken = default);

    /// <summary>Takes a member off the roster (a transfer away); nothing when they are not on it.</summary>
    Task RemoveMemberAsync(string memberId, CancellationToken cancellationToken = default);

    [AlwaysInterleave]
    Task<IReadOnlyList<string>> ListMembersAsync(CancellationToken cancellationToken = default);

    /// <summary>How many members the branch has now (what branch boards rank per member by), without the list.</summary>
    [AlwaysInterleave]
    Task<int> CountMembersAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The members now and those who left (were transferred away) at or after <paramref name="since"/>: everyone whose
    /// ledger entries since then may count for this branch (what derived state reconciles against).
    /// </summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<string>> ListMembersSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default);
}
