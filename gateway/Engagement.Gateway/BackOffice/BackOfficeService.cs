using Engagement.V1;
using Grpc.Core;

namespace Engagement.Gateway;

/// <summary>Roster management: deactivation, transfers, CSV import. Validates, calls one grain, maps back.</summary>
public sealed class BackOfficeService(IGrainFactory grains) : V1.BackOfficeService.BackOfficeServiceBase
{
    /// <summary>Large enough for a few thousand rows; the grain limits the row count.</summary>
    private const int MaxCsvLength = 1_000_000;

    public override async Task<DeactivateMemberResponse> DeactivateMember(DeactivateMemberRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("member_id", request.MemberId).IdempotencyKey(request.IdempotencyKey).ThrowIfInvalid();
        var member = await grains.GetGrain<IMemberGrain>(request.MemberId).SetActiveAsync(caller, active: false, request.IdempotencyKey, context.CancellationToken);
        return new DeactivateMemberResponse { Member = member.ToProto() };
    }

    public override async Task<ReactivateMemberResponse> ReactivateMember(ReactivateMemberRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("member_id", request.MemberId).IdempotencyKey(request.IdempotencyKey).ThrowIfInvalid();
        var member = await grains.GetGrain<IMemberGrain>(request.MemberId).SetActiveAsync(caller, active: true, request.IdempotencyKey, context.CancellationToken);
        return new ReactivateMemberResponse { Member = member.ToProto() };
    }

    public override async Task<RequestTransferResponse> RequestTransfer(RequestTransferRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("member_id", request.MemberId).Id("to_branch_id", request.ToBranchId)
            .IdempotencyKey(request.IdempotencyKey).ThrowIfInvalid();
        var transfer = await grains.GetGrain<IMemberTransferGrain>(request.MemberId)
            .RequestAsync(caller, request.ToBranchId, request.IdempotencyKey, context.CancellationToken);
        return new RequestTransferResponse { Transfer = transfer.ToProto() };
    }

    public override async Task<AcceptTransferResponse> AcceptTransfer(AcceptTransferRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("member_id", request.MemberId).IdempotencyKey(request.IdempotencyKey).ThrowIfInvalid();
        var transfer = await grains.GetGrain<IMemberTransferGrain>(request.MemberId)
            .DecideAsync(caller, accept: true, request.IdempotencyKey, context.CancellationToken);
        return new AcceptTransferResponse { Transfer = transfer.ToProto() };
    }

    public override async Task<DeclineTransferResponse> DeclineTransfer(DeclineTransferRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("member_id", request.MemberId).IdempotencyKey(request.IdempotencyKey).ThrowIfInvalid();
        var transfer = await grains.GetGrain<IMemberTransferGrain>(request.MemberId)
            .DecideAsync(caller, accept: false, request.IdempotencyKey, context.CancellationToken);
        return new DeclineTransferResponse { Transfer = transfer.ToProto() };
    }

    public override async Task<ListPendingTransfersResponse> ListPendingTransfers(ListPendingTransfersRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("branch_id", request.BranchId).ThrowIfInvalid();
        var transfers = await grains.GetGrain<IBranchTransfersGrain>(request.BranchId).ListAsync(caller, context.CancellationToken);
        var response = new ListPendingTransfersResponse();
        response.Transfers.AddRange(transfers.Select(t => t.ToProto()));
        return response;
    }

    public override async Task<ImportRosterResponse> ImportRoster(ImportRosterRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator().Id("branch_id", request.BranchId).IdempotencyKey(request.IdempotencyKey);
        if (string.IsNullOrWhiteSpace(request.Csv) || request.Csv.Length > MaxCsvLength)
        {
            validator.Add("csv", $"is required, at most {MaxCsvLength} characters");
        }

        validator.ThrowIfInvalid();
        var result = await grains.GetGrain<IRosterImportGrain>(request.BranchId)
            .ImportAsync(caller, request.Csv, request.ImportValidRows, request.IdempotencyKey, context.CancellationToken);
        return result.ToProto();
    }
}
