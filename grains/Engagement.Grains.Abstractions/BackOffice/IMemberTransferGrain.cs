namespace Engagement;

/// <summary>
/// The transfer of one member between branches, keyed by member id: at most one pending at a time. Requested by the
/// secretary of the member's branch (or a park admin), accepted or declined by the receiving branch's secretary (or a
/// park admin). Every step is audited; a retry with the same key returns the first result.
/// </summary>
[Alias("engagement.IMemberTransferGrain")]
public interface IMemberTransferGrain : IGrainWithStringKey
{
    Task<TransferInfo> RequestAsync(Caller caller, string toBranchId, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Accepts (<paramref name="accept"/>) or declines the pending transfer.</summary>
    Task<TransferInfo> DecideAsync(Caller caller, bool accept, string idempotencyKey, CancellationToken cancellationToken = default);
}
