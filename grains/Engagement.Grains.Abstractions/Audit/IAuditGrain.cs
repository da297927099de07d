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

/// <summary>A record's place in a month's trail: its audit page and its position on that page.</summary>
[GenerateSerializer, Immutable, Alias("engagement.AuditCursor")]
public sealed record AuditCursor(
    [property: Id(0)] long Page,
    [property: Id(1)] int Position);

/// <summary>A page of a month's audit list: the month, its records (oldest first) and where the next page starts.</summary>
[GenerateSerializer, Immutable, Alias("engagement.AuditSlice")]
public sealed record AuditSlice(
    [property: Id(0)] DateOnly Month,
    [property: Id(1)] IReadOnlyList<AuditRecord> Records,
    [property: Id(2)] AuditCursor? Next);
