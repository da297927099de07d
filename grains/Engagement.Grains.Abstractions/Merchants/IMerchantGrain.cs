namespace Engagement;

/// <summary>A park merchant (商户), keyed by merchant id: staff, catalogue, stock and daily settlement.</summary>
[Alias("engagement.IMerchantGrain")]
public interface IMerchantGrain : IGrainWithStringKey
{
    /// <summary>Registers the merchant in a park. Park admins; a retry with the same key returns the first result.</summary>
    Task<MerchantInfo> CreateAsync(Caller caller, string parkId, string name, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Adds (or renames) a staff member. Park admins.</summary>
    Task<MerchantInfo> AddStaffAsync(Caller caller, StaffMember staff, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Removes a staff member: their token stops working here at once. Park admins.</summary>
    Task<MerchantInfo> RemoveStaffAsync(Caller caller, string subject, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates or edits an item; <paramref name="initialStock"/> applies only when it is created. Staff or park admins.
    /// A retried key returns the first result.
    /// </summary>
    Task<CatalogItem> UpsertItemAsync(Caller caller, ItemSpec spec, long initialStock, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Adds (or with a negative delta removes) available units, once per idempotency key. Staff or park admins.</summary>
    Task<CatalogItem> RestockAsync(Caller caller, string itemId, long delta, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>The catalogue for members of the merchant's park (active items only) and for its staff (all).</summary>
    Task<IReadOnlyList<CatalogItem>> ListCatalogAsync(Caller caller, CancellationToken cancellationToken = default);

    /// <summary>The merchant's park-local day (null: today in the park). Staff or park admins.</summary>
    Task<Settlement> GetSettlementAsync(Caller caller, DateOnly? day, CancellationToken cancellationToken = default);

    /// <summary>Today in the park's time zone, for the merchant's staff (a counter's default day).</summary>
    [AlwaysInterleave]
    Task<DateOnly> TodayAsync(Caller caller, CancellationToken cancellationToken = default);

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
    /// Resolves a typed 8-digit code for the counter: the caller must be staff here; attempts are rate-limited per
    /// staff member and per merchant (ResourceExhausted) and wrong codes are logged. NotFound for an unknown code.
    /// Interleaves with the merchant's stock writes: it changes no state (the rate windows are updated before its only
    /// await), so a counter's lookup does not queue behind other counters' confirmations.
    /// </summary>
    [AlwaysInterleave]
    Task<string> ResolveCodeAsync(Caller caller, string code, CancellationToken cancellationToken = default);

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
