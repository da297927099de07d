namespace Engagement;

/// <summary>
/// What the transfer grains do to a branch's inbox without a caller (they checked the callers).
/// It lives in the grains assembly, so the gateway (which references only the abstractions) cannot call it.
/// Implemented by the same grain as <see cref="IBranchTransfersGrain"/>.
/// </summary>
[Alias("engagement.IBranchTransfersGrainInternal")]
public interface IBranchTransfersGrainInternal : IGrainWithStringKey
{
    /// <summary>Records a pending transfer (idempotent per member).</summary>
    Task AddAsync(TransferInfo transfer, CancellationToken cancellationToken = default);

    /// <summary>Forgets the member's pending transfer; nothing when there is none.</summary>
    Task RemoveAsync(string memberId, CancellationToken cancellationToken = default);
}
