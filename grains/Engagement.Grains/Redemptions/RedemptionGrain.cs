using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Engagement;

/// <summary>
/// One redemption: start and cancel by the member here; the counter's validate, confirm and refund, and expiry,
/// in RedemptionGrain.Counter.cs. Every step that touches another grain is idempotent there, so a step interrupted
/// by a crash is finished, never doubled, by the next call or the expiry reminder.
/// </summary>
[GrainType("redemption")]
public sealed partial class RedemptionGrain(
    [PersistentState("redemption", StorageNames.Main)] IPersistentState<RedemptionState> state,
    DomainClock clock,
    IOptions<RedemptionOptions> options,
    ILogger<RedemptionGrain> logger) : EngagementGrain, IRedemptionGrain, IRemindable
{
    private const string ExpiryReminder = "expiry";

    /// <summary>The expiry reminder as registered by this activation: unregistering it then needs no lookup first.</summary>
    private IGrainReminder? _expiry;

    /// <summary>Gateways relaying this redemption's changes to the member's app (WatchRedemption).</summary>
    private Watchers<RedemptionView>? _watchers;

    private string RedemptionId => this.GetPrimaryKeyString();

    public Task<RedemptionView?> WatchAsync(IWatcher<RedemptionView> watcher, CancellationToken cancellationToken = default)
    {
        (_watchers ??= new(logger)).Add(watcher);
        return Task.FromResult(View);
    }

    public Task UnwatchAsync(IWatcher<RedemptionView> watcher, CancellationToken cancellationToken = default)
    {
        _watchers?.Remove(watcher);
        return Task.CompletedTask;
    }

    private RedemptionView? View => state.State.View;

    private IMemberGrainInternal Member(RedemptionView view) => GrainFactory.GetGrain<IMemberGrainInternal>(view.MemberId);

    private IMerchantGrainInternal Merchant(RedemptionView view) => GrainFactory.GetGrain<IMerchantGrainInternal>(view.MerchantId);

    private static string ItemKey(RedemptionView view) => $"{view.MerchantId}/{view.ItemId}";

    public async Task<RedemptionView> StartAsync(Caller caller, string merchantId, string itemId, CancellationToken cancellationToken = default)
    {
        var memberId = caller.MemberId;
        Caller.Demand(memberId is not null, "redeem points (members only)");
        if (View is { } existing)
        {
            Caller.Demand(existing.MemberId == memberId, "see this redemption");
            if (existing.MerchantId != merchantId || existing.ItemId != itemId)
            {
                throw EngagementException.AlreadyExists(ErrorReasons.IdempotencyKeyReused,
                    "This idempotency key already started a redemption of another item; use a new key for a new redemption.");
            }

            // A start interrupted by a crash is finished by its retry (every step below is idempotent).
            if (state.State.Ready)
            {
                await ListAsync();
                return existing;
            }

            return existing.Status != RedemptionStatus.Pending ? existing : await CompleteStartAsync(existing);
        }

        var profile = await GrainFactory.GetGrain<IMemberGrainInternal>(memberId!).GetMembershipAsync(cancellationToken);
        if (!profile.Verified)
        {
            throw EngagementException.FailedPrecondition(ErrorReasons.MemberNotVerified, "Only real-name verified members can redeem points.");
        }

        var info = await GrainFactory.GetGrain<IMerchantGrainInternal>(merchantId).GetInfoAsync(cancellationToken);
        if (info.ParkId != profile.ParkId)
        {
            throw Missing.Merchant(merchantId);
        }

        var now = clock.UtcNow;
        state.State.Secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        state.State.View = new RedemptionView(RedemptionId, profile.MemberId, profile.DisplayName, merchantId, itemId, "", 0,
            RedemptionStatus.Pending, null, null, now, now + options.Value.CodeLifetime, null, null, null, 1);
        // Durable before anything is reserved: if this process dies half-way, the reminder finds it and undoes the rest.
        await SaveAsync(state);
        _expiry = await this.RegisterOrUpdateReminder(ExpiryReminder, options.Value.ExpiryCheckPeriod, options.Value.ExpiryCheckPeriod, CancellationToken.None);
        return await CompleteStartAsync(state.State.View);
    }

    /// <summary>Reserve a unit, hold the points, claim a code. A refusal leaves nothing behind.</summary>
    private async Task<RedemptionView> CompleteStartAsync(RedemptionView view)
    {
        RedemptionView started;
        try
        {
            var item = await Merchant(view).ReserveAsync(RedemptionId, view.ItemId);
            await Member(view).HoldAsync(RedemptionId, item.Spec.PointsCost,
                new PurchaseLimit(ItemKey(view), item.Spec.PerMemberDailyLimit, item.Spec.PerMemberTotalLimit));
            var code = view.Code ?? await ClaimCodeAsync(view.MerchantId, view.ExpiresAt);
            started = view with { ItemName = item.Spec.Name, Points = item.Spec.PointsCost, Code = code, QrPayload = $"{RedemptionId}.{state.State.Secret}" };
            state.State.View = started;
            state.State.Ready = true;
            await SaveAsync(state);
        }
        catch (EngagementException)
        {
            // Refused (out of stock, limit, not enough points): leave nothing behind.
            await UndoAsync(view);
            state.State.View = null;
            await state.ClearStateAsync(CancellationToken.None);
            await UnregisterExpiryAsync();
            throw;
        }

        // Outside the try: once it is started, nothing about listing it may undo the start.
        await ListAsync();
        return started;
    }

    public Task<RedemptionView> GetAsync(Caller caller, CancellationToken cancellationToken = default) => SeenByAsync(caller);

    public async Task<RedemptionView> CancelAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var view = RequireView();
        if (!caller.Has(Role.Member, view.MemberId))
        {
            // As GetRedemption: staff of its merchant see it (and may not cancel it); nobody else learns it exists.
            throw await Merchant(view).IsStaffAsync(caller, cancellationToken)
                ? EngagementException.PermissionDenied(ErrorReasons.PermissionDenied, "Only the member who started a redemption cancels it.")
                : Missing.Redemption();
        }
        await ExpireIfDueAsync();
        return RequireView().Status switch
        {
            RedemptionStatus.Pending => await EndAsync(RedemptionStatus.Cancelled),
            RedemptionStatus.Cancelled => RequireView(),
            RedemptionStatus.Expired => throw EngagementException.FailedPrecondition(ErrorReasons.RedemptionExpired, "This code has already expired."),
            _ => throw EngagementException.FailedPrecondition(ErrorReasons.AlreadyRedeemed, "This redemption was already completed at the counter."),
        };
    }

    private async Task<string> ClaimCodeAsync(string merchantId, DateTimeOffset until)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var code = RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
            if (await GrainFactory.GetGrain<IRedemptionCodeGrain>($"{merchantId}/{code}").ClaimAsync(RedemptionId, until))
            {
                return code;
            }
        }

        throw new InvalidOperationException("No free redemption code after 20 attempts.");
    }

    /// <summary>Cancelled or expired: the hold, the reserved unit and the code go back, then the state is final.</summary>
    private async Task<RedemptionView> EndAsync(RedemptionStatus status)
    {
        var view = RequireView();
        await UndoAsync(view);
        state.State.View = view with { Status = status, Version = view.Version + 1 };
        await SaveAsync(state);
        // Listed before the reminder goes: if listing fails, the reminder's next tick lists it again.
        await ListAsync();
        await UnregisterExpiryAsync();
        _watchers?.Push(state.State.View);
        return state.State.View;
    }

    private async Task UndoAsync(RedemptionView view)
    {
        await Member(view).ReleaseHoldAsync(RedemptionId);
        await Merchant(view).ReleaseAsync(RedemptionId);
        if (view.Code is { } code)
        {
            await GrainFactory.GetGrain<IRedemptionCodeGrain>($"{view.MerchantId}/{code}").ReleaseAsync(RedemptionId);
        }
    }

    /// <summary>
    /// Unregisters the expiry reminder after the answer (a reminder-table write of its own need not delay the counter).
    /// Safe to lose: if it fails, or the process dies first, the reminder's next tick finds the redemption completed
    /// and unregisters it then.
    /// </summary>
    private void UnregisterExpiryLater() => _ = UnregisterQuietlyAsync();

    private async Task UnregisterQuietlyAsync()
    {
        try
        {
            await UnregisterExpiryAsync();
        }
        catch (Exception e)
        {
            LogUnregisterFailed(e, RedemptionId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redemption {RedemptionId}: its expiry reminder stays until its next tick (unregistering failed)")]
    private partial void LogUnregisterFailed(Exception exception, string redemptionId);

    private async Task UnregisterExpiryAsync()
    {
        if ((_expiry ?? await this.GetReminder(ExpiryReminder)) is { } reminder)
        {
            _expiry = null;
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>
    /// Lists the redemption's current state in the member's history and in its counter's day (each keeps the newest
    /// version). Only once it was fully started: a refused start leaves nothing behind, not even a history line.
    /// </summary>
    private async Task ListAsync()
    {
        if (View is not { } view || !state.State.Ready)
        {
            return;
        }

        _day ??= await Merchant(view).DayOfAsync(view.CreatedAt);
        await Task.WhenAll(
            GrainFactory.GetGrain<IRedemptionHistoryGrainInternal>(RedemptionHistories.ForMember(view.MemberId)).RecordAsync(view),
            GrainFactory.GetGrain<IRedemptionHistoryGrainInternal>(RedemptionHistories.ForCounter(view.MerchantId, _day.Value)).RecordAsync(view));
    }

    /// <summary>The park-local day the redemption was started: which counter day lists it.</summary>
    private DateOnly? _day;

    private RedemptionView RequireView() =>
        View ?? throw Missing.Redemption();

    /// <summary>The owner sees the code; staff of the merchant see the rest; others learn nothing.</summary>
    private async Task<RedemptionView> SeenByAsync(Caller caller)
    {
        await ExpireIfDueAsync();
        var view = RequireView();
        if (caller.Has(Role.Member, view.MemberId))
        {
            return view;
        }

        return await Merchant(view).IsStaffAsync(caller)
            ? view with { Code = null, QrPayload = null }
            : throw Missing.Redemption();
    }
}
