namespace Engagement;

/// <summary>
/// What redemption grains and access checks ask of a merchant: its info (with its staff), its park-local day, whether a
/// caller is its staff, and a redemption's unit of stock reserved, released, sold and returned (no caller check).
/// It lives in the grains assembly, so the gateway (which references only the abstractions) cannot call it.
/// Implemented by the same grain as <see cref="IMerchantGrain"/>.
/// </summary>
[Alias("engagement.IMerchantGrainInternal")]
public interface IMerchantGrainInternal : IGrainWithStringKey
{
    /// <summary>For grains: the park-local day of <paramref name="at"/>.</summary>
    [AlwaysInterleave]
    Task<DateOnly> DayOfAsync(DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>For grains: the merchant, NotFound if never created.</summary>
    [AlwaysInterleave]
    Task<MerchantInfo> GetInfoAsync(CancellationToken cancellationToken = default);

    /// <summary>For grains: true when the caller is registered staff holding the merchant-staff role here.</summary>
    [AlwaysInterleave]
    Task<bool> IsStaffAsync(Caller caller, CancellationToken cancellationToken = default);

    /// <summary>
    /// For grains: nothing when the caller is staff here; otherwise PERMISSION_DENIED to someone of the merchant's park
    /// and MERCHANT_NOT_FOUND (as for an unknown merchant) to anyone else.
    /// </summary>
    [AlwaysInterleave]
    Task DemandStaffAsync(Caller caller, string action, CancellationToken cancellationToken = default);

    /// <summary>
    /// For grains: reserves one unit of an active item for a redemption (idempotent per redemption). Reserve, release
    /// and commit interleave with each other and with the merchant's other calls, and concurrent ones share the
    /// merchant's writes (each answered after its change is durable).
    /// </summary>
    [AlwaysInterleave]
    Task<CatalogItem> ReserveAsync(string redemptionId, string itemId, CancellationToken cancellationToken = default);

    /// <summary>For grains: gives a reserved unit back (cancelled or expired); nothing when it is not reserved.</summary>
    [AlwaysInterleave]
    Task ReleaseAsync(string redemptionId, CancellationToken cancellationToken = default);

    /// <summary>For grains: the reserved unit is sold (idempotent) and counted in the day's settlement.</summary>
    [AlwaysInterleave]
    Task CommitAsync(string redemptionId, long points, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>For grains: a refunded unit is back in stock (idempotent) and counted in the day's settlement.</summary>
    Task ReturnAsync(string redemptionId, string itemId, long points, DateTimeOffset at, CancellationToken cancellationToken = default);
}
