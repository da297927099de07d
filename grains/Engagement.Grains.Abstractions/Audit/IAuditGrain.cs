namespace Engagement;

/// <summary>
/// The audit trail of one park for one park-local month, keyed <c>{parkId}/{yyyy-MM}</c>: it counts the records and
/// writes them to pages of <see cref="AuditPaging.PageSize"/>, so an append costs the same on the month's last day
/// as on its first.
/// </summary>
[Alias("engagement.IAuditGrain")]
public interface IAuditGrain : IGrainWithStringKey
{
    /// <summary>Appends once per <paramref name="idempotencyKey"/>.</summary>
    Task AppendAsync(AuditRecord record, string idempotencyKey, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditRecord>> ListAsync(CancellationToken cancellationToken = default);
}
