namespace Engagement;

/// <summary>The transfers waiting for a branch's decision (its inbox), keyed by the receiving branch id.</summary>
[Alias("engagement.IBranchTransfersGrain")]
public interface IBranchTransfersGrain : IGrainWithStringKey
{
    /// <summary>Records a pending transfer (idempotent per member).</summary>
    Task AddAsync(TransferInfo transfer, CancellationToken cancellationToken = default);

    /// <summary>Forgets the member's pending transfer; nothing when there is none.</summary>
    Task RemoveAsync(string memberId, CancellationToken cancellationToken = default);

    /// <summary>Pending transfers, oldest first. Needs the branch's secretary or a park admin.</summary>
    Task<IReadOnlyList<TransferInfo>> ListAsync(Caller caller, CancellationToken cancellationToken = default);
}
