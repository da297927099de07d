namespace Engagement;

/// <summary>
/// A sealed page of one member's ledger, keyed <c>{memberId}/{pageNumber}</c>. Written once by the member grain
/// (a repeated write stores the same entries again), so the member's own state never grows with its history.
/// </summary>
[Alias("engagement.ILedgerPageGrain")]
public interface ILedgerPageGrain : IGrainWithStringKey
{
    Task SealAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<LedgerEntry>> ReadAsync(CancellationToken cancellationToken = default);
}
