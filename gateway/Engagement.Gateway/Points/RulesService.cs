using Engagement.V1;
using Grpc.Core;

namespace Engagement.Gateway;

/// <summary>Points rules of parks and committees.</summary>
public sealed class RulesService(IGrainFactory grains) : V1.RulesService.RulesServiceBase
{
    public override async Task<GetParkRulesResponse> GetParkRules(GetParkRulesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("park_id", request.ParkId).ThrowIfInvalid();
        var schedule = await grains.GetGrain<IParkGrain>(request.ParkId).GetRuleScheduleAsync(caller, context.CancellationToken);
        return new() { Rules = schedule.ToProto() };
    }

    public override async Task<SetParkRulesResponse> SetParkRules(SetParkRulesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator().Id("park_id", request.ParkId).IdempotencyKey(request.IdempotencyKey).Required("rules", request.Rules);
        var rules = request.Rules?.ToDomain(validator);
        var effective = validator.Time("effective_time", request.EffectiveTime, required: false);
        validator.ThrowIfInvalid();
        var schedule = await grains.GetGrain<IParkGrain>(request.ParkId)
            .SetRulesAsync(caller, rules!, effective, request.IdempotencyKey, context.CancellationToken);
        return new() { Rules = schedule.ToProto() };
    }

    public override async Task<GetCommitteeRulesResponse> GetCommitteeRules(GetCommitteeRulesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("committee_id", request.CommitteeId).ThrowIfInvalid();
        var schedule = await grains.GetGrain<ICommitteeGrain>(request.CommitteeId).GetRuleScheduleAsync(caller, context.CancellationToken);
        return new() { Rules = schedule.ToProto() };
    }

    public override async Task<SetCommitteeRulesResponse> SetCommitteeRules(SetCommitteeRulesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator().Id("committee_id", request.CommitteeId).IdempotencyKey(request.IdempotencyKey);
        var rules = request.Rules?.ToDomain(validator);
        var effective = validator.Time("effective_time", request.EffectiveTime, required: false);
        validator.ThrowIfInvalid();
        var schedule = await grains.GetGrain<ICommitteeGrain>(request.CommitteeId)
            .SetRulesAsync(caller, rules, effective, request.IdempotencyKey, context.CancellationToken);
        return new() { Rules = schedule.ToProto() };
    }
}
