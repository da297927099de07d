using Engagement.V1;
using Grpc.Core;

namespace Engagement.Gateway;

/// <summary>Parks, committees, branches and member registration. Validates, calls one grain, maps back.</summary>
public sealed partial class OrganizationService(IGrainFactory grains, OfficerRoles officerRoles) : V1.OrganizationService.OrganizationServiceBase
{
    public override async Task<CreateParkResponse> CreatePark(CreateParkRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var timeZone = request.TimeZone.Length == 0 ? ParkClock.DefaultTimeZone : request.TimeZone;
        new RequestValidator().Id("park_id", request.ParkId).Text("name", request.Name, 100)
            .TimeZone("time_zone", timeZone).IdempotencyKey(request.IdempotencyKey).ThrowIfInvalid();
        var park = await grains.GetGrain<IParkGrain>(request.ParkId)
            .CreateAsync(caller, request.Name.Trim(), timeZone, request.IdempotencyKey, context.CancellationToken);
        return new CreateParkResponse { Park = park.ToProto() };
    }

    public override async Task<GetParkResponse> GetPark(GetParkRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("park_id", request.ParkId).ThrowIfInvalid();
        var park = await grains.GetGrain<IParkGrain>(request.ParkId).GetAsync(caller, context.CancellationToken);
        return new GetParkResponse { Park = park.ToProto() };
    }

    public override async Task<CreateCommitteeResponse> CreateCommittee(CreateCommitteeRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("park_id", request.ParkId).Id("committee_id", request.CommitteeId)
            .Text("name", request.Name, 100).IdempotencyKey(request.IdempotencyKey).ThrowIfInvalid();
        var committee = await grains.GetGrain<ICommitteeGrain>(request.CommitteeId)
            .CreateAsync(caller, request.ParkId, request.Name.Trim(), request.IdempotencyKey, context.CancellationToken);
        return new CreateCommitteeResponse { Committee = committee.ToProto() };
    }

    public override async Task<CreateBranchResponse> CreateBranch(CreateBranchRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("committee_id", request.CommitteeId).Id("branch_id", request.BranchId)
            .Text("name", request.Name, 100).IdempotencyKey(request.IdempotencyKey).ThrowIfInvalid();
        var branch = await grains.GetGrain<IBranchGrain>(request.BranchId)
            .CreateAsync(caller, request.CommitteeId, request.Name.Trim(), request.IdempotencyKey, context.CancellationToken);
        return new CreateBranchResponse { Branch = branch.ToProto() };
    }

    public override async Task<RegisterMemberResponse> RegisterMember(RegisterMemberRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator().Id("branch_id", request.BranchId).Id("member_id", request.MemberId)
            .Text("display_name", request.DisplayName, 64).Phone("phone", request.Phone)
            .IdempotencyKey(request.IdempotencyKey);
        var joinDate = validator.OptionalDate("join_date", request.JoinDate);
        if (request.Company.Length > 100)
        {
            validator.Add("company", "at most 100 characters");
        }

        validator.ThrowIfInvalid();
        var member = await grains.GetGrain<IMemberGrain>(request.MemberId).RegisterAsync(caller,
            new MemberRegistration(request.BranchId, request.DisplayName.Trim(), request.Phone, request.Company.Trim(), joinDate),
            request.IdempotencyKey, context.CancellationToken);
        return new RegisterMemberResponse { Member = member.ToProto() };
    }

    public override async Task<VerifyMemberResponse> VerifyMember(VerifyMemberRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("member_id", request.MemberId).IdempotencyKey(request.IdempotencyKey).ThrowIfInvalid();
        var member = await grains.GetGrain<IMemberGrain>(request.MemberId).VerifyAsync(caller, request.IdempotencyKey, context.CancellationToken);
        return new VerifyMemberResponse { Member = member.ToProto() };
    }

    public override async Task<SetMemberDisplayNameResponse> SetMemberDisplayName(SetMemberDisplayNameRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("member_id", request.MemberId).Text("display_name", request.DisplayName, 64)
            .IdempotencyKey(request.IdempotencyKey).ThrowIfInvalid();
        var member = await grains.GetGrain<IMemberGrain>(request.MemberId)
            .SetDisplayNameAsync(caller, request.DisplayName.Trim(), request.IdempotencyKey, context.CancellationToken);
        return new SetMemberDisplayNameResponse { Member = member.ToProto() };
    }

    public override async Task<GetMemberResponse> GetMember(GetMemberRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("member_id", request.MemberId).ThrowIfInvalid();
        var member = await grains.GetGrain<IMemberGrain>(request.MemberId).GetProfileAsync(caller, context.CancellationToken);
        return new GetMemberResponse { Member = member.ToProto() };
    }
}
