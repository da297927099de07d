using Engagement.V1;
using Grpc.Core;

namespace Engagement.Gateway;

/// <summary>The officer RPCs of OrganizationService (appoint, revoke, list), with their mapping.</summary>
public sealed partial class OrganizationService
{
    public override async Task<AppointOfficerResponse> AppointOfficer(AppointOfficerRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator().Id("park_id", request.ParkId).Text("subject", request.Subject, 128)
            .Text("display_name", request.DisplayName, 64).IdempotencyKey(request.IdempotencyKey);
        var grant = Grant(validator, request.ParkId, request.Role, request.ScopeId);
        validator.ThrowIfInvalid();
        var officer = await grains.GetGrain<IOfficerDirectoryGrain>(0).AppointAsync(caller, request.ParkId, request.Subject.Trim(),
            request.DisplayName.Trim(), grant, request.IdempotencyKey, context.CancellationToken);
        await officerRoles.RefreshAsync(context.CancellationToken);
        return new AppointOfficerResponse { Officer = ToProto(officer) };
    }

    public override async Task<RevokeOfficerResponse> RevokeOfficer(RevokeOfficerRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator().Id("park_id", request.ParkId).Text("subject", request.Subject, 128).IdempotencyKey(request.IdempotencyKey);
        var grant = Grant(validator, request.ParkId, request.Role, request.ScopeId);
        validator.ThrowIfInvalid();
        var officer = await grains.GetGrain<IOfficerDirectoryGrain>(0).RevokeAsync(caller, request.ParkId, request.Subject.Trim(),
            grant, request.IdempotencyKey, context.CancellationToken);
        await officerRoles.RefreshAsync(context.CancellationToken);
        return new RevokeOfficerResponse { Officer = ToProto(officer) };
    }

    public override async Task<ListOfficersResponse> ListOfficers(ListOfficersRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator().Id("park_id", request.ParkId);
        if (request.ScopeId.Length > 0)
        {
            validator.Id("scope_id", request.ScopeId);
        }

        validator.ThrowIfInvalid();
        var officers = await grains.GetGrain<IOfficerDirectoryGrain>(0).ListAsync(caller, request.ParkId,
            request.ScopeId.Length > 0 ? request.ScopeId : null, context.CancellationToken);
        var response = new ListOfficersResponse();
        response.Officers.AddRange(officers.Select(ToProto));
        return response;
    }

    private static RoleGrant Grant(RequestValidator validator, string parkId, OfficerRole role, string scopeId)
    {
        var scope = role == OfficerRole.ParkAdmin && scopeId.Length == 0 ? parkId : scopeId;
        validator.Id("scope_id", scope);
        if (role == OfficerRole.ParkAdmin && scope != parkId)
        {
            validator.Add("scope_id", "must be the park id (or empty) for a park admin");
        }

        return role switch
        {
            OfficerRole.Secretary => new RoleGrant(Role.Secretary, scope),
            OfficerRole.CommitteeLeader => new RoleGrant(Role.CommitteeLeader, scope),
            OfficerRole.ParkAdmin => new RoleGrant(Role.ParkAdmin, scope),
            _ => Invalid(validator),
        };

        static RoleGrant Invalid(RequestValidator validator)
        {
            validator.Add("role", "must be SECRETARY, COMMITTEE_LEADER or PARK_ADMIN");
            return new RoleGrant(Role.ParkAdmin, "");
        }
    }

    private static V1.Officer ToProto(Engagement.Officer officer) => new()
    {
        Subject = officer.Subject,
        DisplayName = officer.DisplayName,
        Role = officer.Grant.Role switch
        {
            Role.Secretary => OfficerRole.Secretary,
            Role.CommitteeLeader => OfficerRole.CommitteeLeader,
            _ => OfficerRole.ParkAdmin,
        },
        ScopeId = officer.Grant.Scope,
        ParkId = officer.ParkId,
        AppointedBy = officer.AppointedBy,
        AppointTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(officer.AppointedAt),
    };
}
