namespace Engagement;

/// <summary>The transfers waiting for a branch's decision (its inbox), keyed by the receiving branch id.</summary>
[Alias("engagement.IBranchTransfersGrain")]
public interface IBranchTransfersGrain : IGrainWithStringKey
{
    /// <summary>Pending transfers, oldest first. Needs the branch's secretary or a park admin.</summary>
    Task<IReadOnlyList<TransferInfo>> ListAsync(Caller caller, CancellationToken cancellationToken = default);
}
