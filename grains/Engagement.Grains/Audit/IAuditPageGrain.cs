namespace Engagement;

/// <summary>Up to <see cref="AuditPaging.PageSize"/> audit records of a month, keyed <c>{parkId}/{yyyy-MM}/{page}</c>.</summary>
[Alias("engagement.IAuditPageGrain")]
public interface IAuditPageGrain : IGrainWithStringKey
{
    /// <summary>Adds the record once per key.</summary>
    Task AddAsync(AuditRecord record, string idempotencyKey, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditRecord>> ListAsync(CancellationToken cancellationToken = default);
}

public static class AuditPaging
{
    /// <summary>Records per page: an append rewrites at most one page, however busy the month.</summary>
    public const int PageSize = 200;
}
