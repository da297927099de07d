namespace Engagement;

/// <summary>A branch (党支部), keyed by branch id.</summary>
[Alias("engagement.IBranchGrain")]
public interface IBranchGrain : IGrainWithStringKey
{
    /// <summary>Creates the branch under a committee; a retry with the same key returns the first result. Needs park-admin.</summary>
    Task<BranchInfo> CreateAsync(Caller caller, string committeeId, string name, string idempotencyKey, CancellationToken cancellationToken = default);
}
