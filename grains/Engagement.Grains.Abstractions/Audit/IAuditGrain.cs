namespace Engagement;

/// <summary>
/// The audit trail of one park for one park-local month, keyed <c>{parkId}/{yyyy-MM}</c>: append-only, so a month's
/// row stays bounded and reads are by month.
/// </summary>
[Alias("engagement.IAuditGrain")]
public interface IAuditGrain : IGrainWithStringKey
{
    /// <summary>Appends once per <paramref name="idempotencyKey"/>.</summary>
    Task AppendAsync(AuditRecord record, string idempotencyKey, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditRecord>> ListAsync(CancellationToken cancellationToken = default);
}
