namespace Engagement;

/// <summary>One redemption's state machine, keyed by redemption id.</summary>
[Alias("engagement.IRedemptionGrain")]
public interface IRedemptionGrain : IGrainWithStringKey, IWatchable<RedemptionView>
{
    /// <summary>
    /// The member starts redeeming an item: one unit of stock is reserved, the points are held, and a one-time code
    /// valid for the code lifetime (10 minutes) is issued. Starting again returns the same redemption.
    /// </summary>
    Task<RedemptionView> StartAsync(Caller caller, string merchantId, string itemId, CancellationToken cancellationToken = default);

    /// <summary>The owner sees everything; staff of the merchant see it without the code.</summary>
    Task<RedemptionView> GetAsync(Caller caller, CancellationToken cancellationToken = default);

    /// <summary>The owner cancels a pending redemption: hold, stock and code are released.</summary>
    Task<RedemptionView> CancelAsync(Caller caller, CancellationToken cancellationToken = default);

    /// <summary>
    /// Staff preview at the counter. <paramref name="secret"/> is the QR payload's secret (null when the code was
    /// typed and already resolved by the merchant). NotFound when it belongs to another merchant.
    /// </summary>
    Task<RedemptionView> ValidateAsync(Caller caller, string merchantId, string? secret, CancellationToken cancellationToken = default);

    /// <summary>Staff confirm: spends the held points and the reserved unit exactly once. A second confirm fails with ALREADY_REDEEMED unless it repeats the first one's key.</summary>
    Task<RedemptionView> ConfirmAsync(Caller caller, string merchantId, string? secret, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Staff refund a completed redemption within the refund window: points come back as a new entry, the unit back to stock.</summary>
    Task<RedemptionView> RefundAsync(Caller caller, string merchantId, string idempotencyKey, CancellationToken cancellationToken = default);
}
