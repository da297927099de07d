namespace Engagement;

/// <summary>The counter's side: validate, confirm exactly once, refund; and expiry on time.</summary>
public sealed partial class RedemptionGrain
{
    public async Task<RedemptionView> ValidateAsync(Caller caller, string merchantId, string? secret, CancellationToken cancellationToken = default)
    {
        await DemandCounterAsync(caller, merchantId, secret);
        await ExpireIfDueAsync();
        return RequireView() with { Code = null, QrPayload = null };
    }

    public async Task<RedemptionView> ConfirmAsync(Caller caller, string merchantId, string? secret, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        await DemandCounterAsync(caller, merchantId, secret);
        await ExpireIfDueAsync();
        var view = RequireView();
        switch (view.Status)
        {
            case RedemptionStatus.Pending:
                state.State.ConfirmKey = idempotencyKey;
                state.State.View = view with { Status = RedemptionStatus.Confirming, ConfirmedBy = caller.Subject, Version = view.Version + 1 };
                await SaveAsync(state);
                await FinishConfirmAsync();
                break;
            case RedemptionStatus.Confirming:
                await FinishConfirmAsync();
                break;
            case RedemptionStatus.Cancelled:
                throw EngagementException.FailedPrecondition(ErrorReasons.RedemptionCancelled, "The member cancelled this redemption.");
            case RedemptionStatus.Expired:
                throw EngagementException.FailedPrecondition(ErrorReasons.RedemptionExpired, "This code has expired; ask the member for a new one.");
            default:
                if (state.State.ConfirmKey != idempotencyKey)
                {
                    throw EngagementException.FailedPrecondition(ErrorReasons.AlreadyRedeemed, "This code was already redeemed.");
                }

                // The retry also lists the result, in case a crash came between the confirm and its listing.
                await ListAsync();
                break;
        }

        return RequireView() with { Code = null, QrPayload = null };
    }

    public async Task<RedemptionView> RefundAsync(Caller caller, string merchantId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        await DemandCounterAsync(caller, merchantId, secret: null);
        var view = RequireView();
        switch (view.Status)
        {
            case RedemptionStatus.Completed:
                if (clock.UtcNow - view.CompletedAt > options.Value.RefundWindow)
                {
                    throw EngagementException.FailedPrecondition(ErrorReasons.RefundWindowClosed,
                        $"Refunds are possible for {options.Value.RefundWindow.TotalDays:0} days after redemption.");
                }

                state.State.RefundKey = idempotencyKey;
                state.State.View = view with { Status = RedemptionStatus.Refunding, Version = view.Version + 1 };
                await SaveAsync(state);
                await FinishRefundAsync();
                break;
            case RedemptionStatus.Refunding:
                await FinishRefundAsync();
                break;
            case RedemptionStatus.Refunded:
                await ListAsync();
                break;
            default:
                throw EngagementException.FailedPrecondition(ErrorReasons.RedemptionNotCompleted, "Only a completed redemption can be refunded.");
        }

        return RequireView() with { Code = null, QrPayload = null };
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        switch (View?.Status)
        {
            case RedemptionStatus.Pending:
                await ExpireIfDueAsync();
                break;
            case RedemptionStatus.Confirming:
                await FinishConfirmAsync();
                break;
            case RedemptionStatus.Refunding:
                await FinishRefundAsync();
                break;
            default:
                await ListAsync();
                await UnregisterExpiryAsync();
                break;
        }
    }

    /// <summary>A pending redemption past its expiry ends now, whoever asks first: the reminder or a caller.</summary>
    private async Task ExpireIfDueAsync()
    {
        if (View is { Status: RedemptionStatus.Pending } view && (clock.UtcNow >= view.ExpiresAt || !state.State.Ready && clock.UtcNow >= view.CreatedAt + options.Value.ExpiryCheckPeriod * 2))
        {
            await EndAsync(RedemptionStatus.Expired);
        }
    }

    private async Task FinishConfirmAsync()
    {
        var view = RequireView();
        var now = clock.UtcNow;
        // Both legs are idempotent by redemption id and independent of each other: run them together (one durable
        // write's wait instead of two). If either fails, the state stays Confirming and the retry or the reminder
        // finishes both.
        await Task.WhenAll(
            Member(view).SpendHoldAsync(RedemptionId, $"redemption:{view.MerchantId}/{view.ItemId}"),
            Merchant(view).CommitAsync(RedemptionId, view.Points, now));
        // The code stays claimed until it would have expired: a second scan finds this redemption and says "already redeemed".
        state.State.View = view with { Status = RedemptionStatus.Completed, CompletedAt = now, Version = view.Version + 1 };
        await SaveAsync(state);
        await ListAsync();
        UnregisterExpiryLater();
        _watchers?.Push(state.State.View);
    }

    private async Task FinishRefundAsync()
    {
        var view = RequireView();
        var now = clock.UtcNow;
        await Task.WhenAll(
            Member(view).RefundAsync(RedemptionId, view.Points, ItemKey(view), $"refund:{view.MerchantId}/{view.ItemId}"),
            Merchant(view).ReturnAsync(RedemptionId, view.ItemId, view.Points, now));
        state.State.View = view with { Status = RedemptionStatus.Refunded, RefundedAt = now, Version = view.Version + 1 };
        await SaveAsync(state);
        await ListAsync();
        _watchers?.Push(state.State.View);
    }

    /// <summary>
    /// Staff of <paramref name="merchantId"/> only; a redemption of another merchant, or a wrong QR secret, is "not
    /// found" so a counter learns nothing about codes that are not its own.
    /// </summary>
    private async Task DemandCounterAsync(Caller caller, string merchantId, string? secret)
    {
        await GrainFactory.GetGrain<IMerchantGrainInternal>(merchantId).DemandStaffAsync(caller, "serve this merchant's counter");
        if (View is not { } view || view.MerchantId != merchantId || !state.State.Ready
            || secret is not null && !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(secret), System.Text.Encoding.ASCII.GetBytes(state.State.Secret)))
        {
            throw EngagementException.NotFound(ErrorReasons.RedemptionNotFound, "No pending redemption has this code.");
        }
    }
}
