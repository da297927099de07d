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

    /// <summary>
    /// Up to <paramref name="count"/> records from <paramref name="from"/> on (null: the month's first), oldest first,
    /// only <paramref name="branchId"/>'s when set. Reads only the audit pages it needs; <see cref="AuditSlice.Next"/>
    /// is where the next record that matches is, or null when there is none.
    /// </summary>
    Task<AuditSlice> ListPageAsync(AuditCursor? from, int count, string? branchId, CancellationToken cancellationToken = default);
}
