namespace Engagement;

/// <summary>Runs the ledger consistency check of a park (keyed by park id), off the park grain's own turn.</summary>
[Alias("engagement.ILedgerAuditorGrain")]
public interface ILedgerAuditorGrain : IGrainWithStringKey
{
    /// <summary>Proves, per member of the park, balance = sum of ledger. Needs park-admin.</summary>
    Task<ConsistencyReport> CheckAsync(Caller caller, CancellationToken cancellationToken = default);
}
