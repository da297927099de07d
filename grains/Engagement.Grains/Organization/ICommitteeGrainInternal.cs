namespace Engagement;

/// <summary>
/// What other grains ask of a committee without a caller: its info, its branches and the rules in force.
/// It lives in the grains assembly, so the gateway (which references only the abstractions) cannot call it.
/// Implemented by the same grain as <see cref="ICommitteeGrain"/>.
/// </summary>
[Alias("engagement.ICommitteeGrainInternal")]
public interface ICommitteeGrainInternal : IGrainWithStringKey
{
    /// <summary>Reads the committee for other grains; NotFound if it was never created.</summary>
    [AlwaysInterleave]
    Task<CommitteeInfo> GetInfoAsync(CancellationToken cancellationToken = default);

    /// <summary>Records a branch of the committee (idempotent).</summary>
    Task AddBranchAsync(string branchId, CancellationToken cancellationToken = default);

    [AlwaysInterleave]
    Task<IReadOnlyList<string>> ListBranchesAsync(CancellationToken cancellationToken = default);

    /// <summary>The rules for this committee's members at <paramref name="at"/>: its override, else the park's.</summary>
    [AlwaysInterleave]
    Task<PointsRules> GetRulesAsync(DateTimeOffset at, CancellationToken cancellationToken = default);
}
