namespace Engagement;

/// <summary>
/// One branch's activity on one park-local day (key <see cref="ActivityKeys.BranchDay"/>), kept from the points stream
/// and repaired from the ledger: it tracks each member's ledger sequence, so a repeated event is ignored and a lost
/// one is read back from the member's ledger.
/// </summary>
[Alias("engagement.IBranchDayGrain")]
public interface IBranchDayGrain : IGrainWithStringKey
{
    /// <summary>A ledger entry of a member of the branch, made on this day (from the stream).</summary>
    Task ApplyAsync(LedgerEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The day's figures, reconciled with the members' ledgers first when the day may still be missing some.</summary>
    Task<BranchDay> GetAsync(CancellationToken cancellationToken = default);
}
