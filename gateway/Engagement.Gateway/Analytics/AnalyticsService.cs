using Engagement.V1;
using Grpc.Core;

namespace Engagement.Gateway;

/// <summary>Branch and committee analytics (the figures come from the analytics grain).</summary>
public sealed class AnalyticsService(IGrainFactory grains) : V1.AnalyticsService.AnalyticsServiceBase
{
    public override async Task<GetBranchAnalyticsResponse> GetBranchAnalytics(GetBranchAnalyticsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator().Id("branch_id", request.BranchId).Range("top", request.Top, 0, ActivityKeys.MaxTop);
        var (from, to) = AnalyticsMapping.Period(validator, request.FromDay, request.ToDay);
        validator.ThrowIfInvalid();
        var report = await grains.GetGrain<IAnalyticsGrain>(0).GetBranchAsync(caller, request.BranchId, from, to, context.CancellationToken);
        return new GetBranchAnalyticsResponse { Analytics = AnalyticsMapping.ToProto(report, request.Top) };
    }

    public override async Task<GetCommitteeAnalyticsResponse> GetCommitteeAnalytics(GetCommitteeAnalyticsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator().Id("committee_id", request.CommitteeId).Range("top", request.Top, 0, ActivityKeys.MaxTop);
        var (from, to) = AnalyticsMapping.Period(validator, request.FromDay, request.ToDay);
        validator.ThrowIfInvalid();
        var report = await grains.GetGrain<IAnalyticsGrain>(0).GetCommitteeAsync(caller, request.CommitteeId, from, to, context.CancellationToken);
        var response = new GetCommitteeAnalyticsResponse { Analytics = AnalyticsMapping.ToProto(report.Committee, request.Top) };
        response.Branches.AddRange(AnalyticsMapping.Compared(report).Select(AnalyticsMapping.ToProto));
        return response;
    }
}
