using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Engagement.V1;
using Grpc.Core;

namespace Engagement.Gateway;

/// <summary>Redemptions: the member's start, cancel and watch; the counter's validate, confirm and refund.</summary>
public sealed partial class RedemptionService(IGrainFactory grains, LiveHub hub) : V1.RedemptionService.RedemptionServiceBase
{
    public override async Task<StartRedemptionResponse> StartRedemption(StartRedemptionRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("merchant_id", request.MerchantId).Id("item_id", request.ItemId).IdempotencyKey(request.IdempotencyKey).ThrowIfInvalid();
        var memberId = caller.MemberId ?? throw EngagementException.PermissionDenied(ErrorReasons.PermissionDenied, "Only members redeem points.");
        var view = await Redemption(IdFor(memberId, request.IdempotencyKey)).StartAsync(caller, request.MerchantId, request.ItemId, context.CancellationToken);
        return new() { Redemption = view.ToProto() };
    }

    public override async Task<GetRedemptionResponse> GetRedemption(GetRedemptionRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        ValidateId(request.RedemptionId, new RequestValidator()).ThrowIfInvalid();
        return new() { Redemption = (await Redemption(request.RedemptionId).GetAsync(caller, context.CancellationToken)).ToProto() };
    }

    public override async Task<CancelRedemptionResponse> CancelRedemption(CancelRedemptionRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        ValidateId(request.RedemptionId, new RequestValidator()).IdempotencyKey(request.IdempotencyKey).ThrowIfInvalid();
        return new() { Redemption = (await Redemption(request.RedemptionId).CancelAsync(caller, context.CancellationToken)).ToProto() };
    }

    public override async Task WatchRedemption(WatchRedemptionRequest request, IServerStreamWriter<WatchRedemptionResponse> responseStream, ServerCallContext context)
    {
        var caller = context.GetCaller();
        ValidateId(request.RedemptionId, new RequestValidator()).ThrowIfInvalid();
        var grain = Redemption(request.RedemptionId);
        var updates = Channel.CreateBounded<RedemptionView>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest });
        // Join before reading the current state, so no change between the two is missed.
        await using var watching = await hub.JoinAsync(grain, updates.Writer);
        var view = await grain.GetAsync(caller, context.CancellationToken);
        await responseStream.WriteAsync(new() { Redemption = view.ToProto() }, context.CancellationToken);
        // The hub relays the grain's own view, code included: as GetRedemption, only the owner sees the code, staff of
        // the merchant see the rest — in every message, not only the first.
        var owner = caller.Has(Role.Member, view.MemberId);
        var version = view.Version;
        while (!IsFinal(view.Status))
        {
            view = await hub.NextAsync(updates.Reader, context.CancellationToken);
            if (view.Version > version)
            {
                version = view.Version;
                var seen = owner ? view : view with { Code = null, QrPayload = null };
                await responseStream.WriteAsync(new() { Redemption = seen.ToProto() }, context.CancellationToken);
            }
        }
    }

    private static bool IsFinal(Engagement.RedemptionStatus status) =>
        status is Engagement.RedemptionStatus.Completed or Engagement.RedemptionStatus.Cancelled or Engagement.RedemptionStatus.Expired or Engagement.RedemptionStatus.Refunded;

    public override async Task<ValidateRedemptionResponse> ValidateRedemption(ValidateRedemptionRequest request, ServerCallContext context)
    {
        var startedAt = Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            var caller = context.GetCaller();
            var (id, secret) = await LocateAsync(caller, request.MerchantId, request.Code, request.QrPayload, null, context.CancellationToken);
            var view = await Redemption(id).ValidateAsync(caller, request.MerchantId, secret, context.CancellationToken);
            succeeded = true;
            return new() { Redemption = view.ToProto() };
        }
        finally
        {
            EngagementMetrics.RedemptionValidated(startedAt, succeeded);
        }
    }

    public override async Task<ConfirmRedemptionResponse> ConfirmRedemption(ConfirmRedemptionRequest request, ServerCallContext context)
    {
        var startedAt = Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            var caller = context.GetCaller();
            var (id, secret) = await LocateAsync(caller, request.MerchantId, request.Code, request.QrPayload, request.IdempotencyKey, context.CancellationToken);
            var view = await Redemption(id).ConfirmAsync(caller, request.MerchantId, secret, request.IdempotencyKey, context.CancellationToken);
            succeeded = true;
            return new() { Redemption = view.ToProto() };
        }
        finally
        {
            EngagementMetrics.RedemptionConfirmed(startedAt, succeeded);
        }
    }

    public override async Task<RefundRedemptionResponse> RefundRedemption(RefundRedemptionRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        ValidateId(request.RedemptionId, new RequestValidator().Id("merchant_id", request.MerchantId)).IdempotencyKey(request.IdempotencyKey).ThrowIfInvalid();
        return new() { Redemption = (await Redemption(request.RedemptionId).RefundAsync(caller, request.MerchantId, request.IdempotencyKey, context.CancellationToken)).ToProto() };
    }

    public override async Task<ListRedemptionsResponse> ListRedemptions(ListRedemptionsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var counter = request.MerchantId.Length > 0;
        var validator = new RequestValidator();
        DateOnly? day = null;
        if (counter)
        {
            validator.Id("merchant_id", request.MerchantId);
            if (request.Day.Length > 0)
            {
                day = MerchantService.ParseDay(request.Day, validator);
            }
        }
        else if (request.Day.Length > 0)
        {
            validator.Add("day", "is only for a merchant's counter (with merchant_id)");
        }

        if (!Enum.IsDefined(request.Status))
        {
            validator.Add("status", "is not a redemption status");
        }

        var list = counter ? "counter-redemptions" : "member-redemptions";
        var filter = counter ? $"{request.MerchantId}|{request.Day}|{request.Status}" : $"{caller.Subject}|{request.Status}";
        var page = Paging.Read(validator, list, request.PageSize, request.PageToken, filter);
        long? before = null;
        if (page.Cursor is { } cursor)
        {
            // Counter tokens carry the day they list, so "today" stays the same day across its pages.
            var slash = cursor.LastIndexOf('/');
            if (counter && slash > 0)
            {
                day = MerchantService.ParseDay(cursor[..slash], validator);
            }

            before = long.TryParse(cursor[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
                ? sequence
                : null;
        }

        validator.ThrowIfInvalid();
        var status = request.Status == V1.RedemptionStatus.Unspecified ? (Engagement.RedemptionStatus?)null : (Engagement.RedemptionStatus)(int)request.Status;
        string key;
        if (counter)
        {
            day ??= await grains.GetGrain<IMerchantGrain>(request.MerchantId).TodayAsync(caller, context.CancellationToken);
            key = RedemptionHistories.ForCounter(request.MerchantId, day.Value);
        }
        else
        {
            key = RedemptionHistories.ForMember(caller.MemberId ?? throw EngagementException.PermissionDenied(ErrorReasons.PermissionDenied,
                "Only members have a redemption history; staff list their counter with merchant_id."));
        }

        var result = await grains.GetGrain<IRedemptionHistoryGrain>(key).ListAsync(caller, status, before, page.Size, context.CancellationToken);
        var dayText = day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        var response = new ListRedemptionsResponse
        {
            Day = dayText,
            NextPageToken = result.Next is { } next
                ? Paging.Next(list, (counter ? dayText + "/" : "") + next.ToString(CultureInfo.InvariantCulture), filter)
                : "",
        };
        response.Redemptions.AddRange(result.Items.Select(v => v.ToProto()));
        return response;
    }

    /// <summary>
    /// A retried start must reach the same grain, so the id is derived from the member and the idempotency key.
    /// </summary>
    public static string IdFor(string memberId, string idempotencyKey) =>
        "r" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{memberId}\n{idempotencyKey}")))[..32];

    /// <summary>Finds the redemption behind a typed code (resolved, rate-limited, by the merchant) or a QR payload.</summary>
    private async Task<(string Id, string? Secret)> LocateAsync(Caller caller, string merchantId, string code, string qrPayload, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator().Id("merchant_id", merchantId);
        if (idempotencyKey is not null)
        {
            validator.IdempotencyKey(idempotencyKey);
        }

        var qr = QrPattern().Match(qrPayload);
        if ((code.Length > 0) == (qrPayload.Length > 0))
        {
            validator.Add("code", "give exactly one of code and qr_payload");
        }
        else if (code.Length > 0 && !CodePattern().IsMatch(code))
        {
            validator.Add("code", "must be 8 digits");
        }
        else if (qrPayload.Length > 0 && !qr.Success)
        {
            validator.Add("qr_payload", "is not a redemption QR code");
        }

        validator.ThrowIfInvalid();
        return code.Length > 0
            ? (await grains.GetGrain<IMerchantGrain>(merchantId).ResolveCodeAsync(caller, code, cancellationToken), null)
            : (qr.Groups["id"].Value, qr.Groups["secret"].Value);
    }

    private static RequestValidator ValidateId(string id, RequestValidator validator) =>
        IdPattern().IsMatch(id) ? validator : validator.Add("redemption_id", "is not a redemption id");

    private IRedemptionGrain Redemption(string id) => grains.GetGrain<IRedemptionGrain>(id);

    [GeneratedRegex("^r[0-9a-f]{32}\\z")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[0-9]{8}\\z")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^(?<id>r[0-9a-f]{32})\\.(?<secret>[A-Za-z0-9_-]{22})\\z")]
    private static partial Regex QrPattern();
}
