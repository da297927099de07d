using System.Globalization;
using Engagement.V1;
using Grpc.Core;

namespace Engagement.Gateway;

/// <summary>Check-in, balance and ledger of a member. An empty member_id means the calling member.</summary>
public sealed class PointsService(IGrainFactory grains) : V1.PointsService.PointsServiceBase
{
    public override async Task<CheckInResponse> CheckIn(CheckInRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var memberId = caller.MemberIdOr(request.MemberId);
        new RequestValidator().Id("member_id", memberId).IdempotencyKey(request.IdempotencyKey).ThrowIfInvalid();
        var result = await grains.GetGrain<IMemberGrain>(memberId).CheckInAsync(caller, request.IdempotencyKey, context.CancellationToken);
        return result.ToProto();
    }

    public override async Task<GetBalanceResponse> GetBalance(GetBalanceRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var memberId = caller.MemberIdOr(request.MemberId);
        new RequestValidator().Id("member_id", memberId).ThrowIfInvalid();
        var balance = await grains.GetGrain<IMemberGrain>(memberId).GetBalanceAsync(caller, context.CancellationToken);
        return new GetBalanceResponse
        {
            MemberId = balance.MemberId,
            Balance = balance.Balance,
            Held = balance.Held,
            Available = balance.Available,
            LedgerEntries = balance.LedgerEntries,
        };
    }

    public override async Task<ListLedgerResponse> ListLedger(ListLedgerRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var memberId = caller.MemberIdOr(request.MemberId);
        var validator = new RequestValidator().Id("member_id", memberId);
        var page = Paging.Read(validator, "ledger", request.PageSize, request.PageToken, memberId,
            LedgerPaging.DefaultListPageSize, LedgerPaging.MaxListPageSize);
        long? before = null;
        if (page.Cursor is { } cursor)
        {
            if (long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
            {
                before = parsed;
            }
            else
            {
                validator.Add("page_token", "is not a token this list issued for these filters");
            }
        }

        validator.ThrowIfInvalid();
        var slice = await grains.GetGrain<IMemberGrain>(memberId).ListLedgerAsync(caller, page.Size, before, context.CancellationToken);
        var response = new ListLedgerResponse
        {
            NextPageToken = Paging.Next("ledger", slice.NextBefore?.ToString(CultureInfo.InvariantCulture), memberId),
        };
        response.Entries.AddRange(slice.Entries.Select(e => e.ToProto()));
        return response;
    }

    public override async Task<GetDailyProgressResponse> GetDailyProgress(GetDailyProgressRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var memberId = caller.MemberIdOr(request.MemberId);
        new RequestValidator().Id("member_id", memberId).ThrowIfInvalid();
        var progress = await grains.GetGrain<IMemberGrain>(memberId).GetDailyProgressAsync(caller, context.CancellationToken);
        return progress.ToProto();
    }

    public override async Task<AdjustPointsResponse> AdjustPoints(AdjustPointsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator().Id("member_id", request.MemberId).Text("reason", request.Reason, 200)
            .IdempotencyKey(request.IdempotencyKey).Range("amount", request.Amount, -1_000_000, 1_000_000);
        if (request.Amount == 0)
        {
            validator.Add("amount", "must not be 0");
        }

        validator.ThrowIfInvalid();
        var result = await grains.GetGrain<IMemberGrain>(request.MemberId)
            .AdjustAsync(caller, request.Amount, request.Reason.Trim(), request.IdempotencyKey, context.CancellationToken);
        return new AdjustPointsResponse { Entry = result.Entry?.ToProto(), Balance = result.Balance };
    }

    public override async Task<CheckLedgerConsistencyResponse> CheckLedgerConsistency(CheckLedgerConsistencyRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("park_id", request.ParkId).ThrowIfInvalid();
        var report = await grains.GetGrain<ILedgerAuditorGrain>(request.ParkId).CheckAsync(caller, context.CancellationToken);
        return report.ToProto();
    }
}
