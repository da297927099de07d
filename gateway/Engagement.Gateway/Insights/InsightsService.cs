using Engagement.V1;
using Grpc.Core;

namespace Engagement.Gateway;

/// <summary>Member profile figures, recommendations and inactive members. Validates, calls one grain, maps back.</summary>
public sealed class InsightsService(IGrainFactory grains) : V1.InsightsService.InsightsServiceBase
{
    public override async Task<GetMemberProfileStatsResponse> GetMemberProfileStats(GetMemberProfileStatsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var memberId = caller.MemberIdOr(request.MemberId);
        var validator = new RequestValidator().Id("member_id", memberId);
        var from = validator.OptionalDate("from_day", request.FromDay);
        var to = validator.OptionalDate("to_day", request.ToDay);
        validator.ThrowIfInvalid();
        var stats = await grains.GetGrain<IMemberInsightsGrain>(memberId).GetProfileStatsAsync(caller, from, to, context.CancellationToken);
        return stats.ToProto();
    }

    public override async Task<GetRecommendationsResponse> GetRecommendations(GetRecommendationsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var memberId = caller.MemberIdOr(request.MemberId);
        new RequestValidator().Id("member_id", memberId).ThrowIfInvalid();
        var recommendations = await grains.GetGrain<IMemberInsightsGrain>(memberId).GetRecommendationsAsync(caller, context.CancellationToken);
        return recommendations.ToProto();
    }

    public override async Task<ListInactiveMembersResponse> ListInactiveMembers(ListInactiveMembersRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var days = request.InactiveDays == 0 ? InsightsLimits.DefaultInactiveDays : request.InactiveDays;
        new RequestValidator().Id("branch_id", request.BranchId).Range("inactive_days", days, 1, InsightsLimits.MaxInactiveDays).ThrowIfInvalid();
        var inactive = await grains.GetGrain<IBranchInsightsGrain>(request.BranchId).ListInactiveMembersAsync(caller, days, context.CancellationToken);
        return inactive.ToProto();
    }
}
