using Engagement.V1;
using Grpc.Core;

namespace Engagement.Gateway;

/// <summary>The organisation's reads: a branch, a committee, and the paged lists of committees, branches and members.</summary>
public sealed partial class OrganizationService
{
    private IOrganizationReaderGrain Reader => grains.GetGrain<IOrganizationReaderGrain>(0);

    public override async Task<GetCommitteeResponse> GetCommittee(GetCommitteeRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("committee_id", request.CommitteeId).ThrowIfInvalid();
        var committee = await Reader.GetCommitteeAsync(caller, request.CommitteeId, context.CancellationToken);
        return new GetCommitteeResponse { Committee = committee.ToProto() };
    }

    public override async Task<ListCommitteesResponse> ListCommittees(ListCommitteesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator().Id("park_id", request.ParkId);
        var page = Paging.Read(validator, "committees", request.PageSize, request.PageToken, request.ParkId);
        validator.ThrowIfInvalid();
        var committees = await Reader.ListCommitteesAsync(caller, request.ParkId, page.Size, page.Cursor, context.CancellationToken);
        var response = new ListCommitteesResponse { NextPageToken = Paging.Next("committees", committees.NextCursor, request.ParkId) };
        response.Committees.AddRange(committees.Items.Select(c => c.ToProto()));
        return response;
    }

    public override async Task<GetBranchResponse> GetBranch(GetBranchRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("branch_id", request.BranchId).ThrowIfInvalid();
        var branch = await Reader.GetBranchAsync(caller, request.BranchId, context.CancellationToken);
        return new GetBranchResponse { Branch = branch.ToProto() };
    }

    public override async Task<ListBranchesResponse> ListBranches(ListBranchesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator();
        var (scope, scopeId) = OneScope(validator, ("committee_id", request.CommitteeId, OrganizationScope.Committee), ("park_id", request.ParkId, OrganizationScope.Park));
        var filter = $"{scope}:{scopeId}";
        var page = Paging.Read(validator, "branches", request.PageSize, request.PageToken, filter);
        validator.ThrowIfInvalid();
        var branches = await Reader.ListBranchesAsync(caller, scope, scopeId, page.Size, page.Cursor, context.CancellationToken);
        var response = new ListBranchesResponse { NextPageToken = Paging.Next("branches", branches.NextCursor, filter) };
        response.Branches.AddRange(branches.Items.Select(b => b.ToProto()));
        return response;
    }

    public override async Task<ListMembersResponse> ListMembers(ListMembersRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator();
        var (scope, scopeId) = OneScope(validator, ("branch_id", request.BranchId, OrganizationScope.Branch),
            ("committee_id", request.CommitteeId, OrganizationScope.Committee), ("park_id", request.ParkId, OrganizationScope.Park));
        MemberStanding? standing = request.Status switch
        {
            MemberStatus.Unspecified => null,
            MemberStatus.Unverified => MemberStanding.Unverified,
            MemberStatus.Active => MemberStanding.Active,
            MemberStatus.Deactivated => MemberStanding.Deactivated,
            _ => null,
        };
        if (!Enum.IsDefined(request.Status))
        {
            validator.Add("status", "is not a member status");
        }

        if (request.NamePrefix.Length > 64)
        {
            validator.Add("name_prefix", "at most 64 characters");
        }

        var filter = $"{scope}:{scopeId}|{request.Status}|{request.NamePrefix}";
        var page = Paging.Read(validator, "members", request.PageSize, request.PageToken, filter);
        validator.ThrowIfInvalid();
        var members = await Reader.ListMembersAsync(caller, scope, scopeId, new RosterFilter(standing, request.NamePrefix), page.Size, page.Cursor,
            context.CancellationToken);
        var response = new ListMembersResponse { NextPageToken = Paging.Next("members", members.NextCursor, filter) };
        response.Members.AddRange(members.Items.Select(m => m.ToProto()));
        return response;
    }

    /// <summary>The one scope id a list request names (exactly one of <paramref name="fields"/> set, and a valid id).</summary>
    private static (OrganizationScope Scope, string Id) OneScope(RequestValidator validator, params (string Field, string Value, OrganizationScope Scope)[] fields)
    {
        var set = fields.Where(f => f.Value.Length > 0).ToList();
        if (set.Count == 0)
        {
            validator.Add(fields[0].Field, $"set exactly one of {string.Join(", ", fields.Select(f => f.Field))}");
            return (fields[0].Scope, "");
        }

        foreach (var extra in set.Skip(1))
        {
            validator.Add(extra.Field, $"set exactly one of {string.Join(", ", fields.Select(f => f.Field))}");
        }

        validator.Id(set[0].Field, set[0].Value);
        return (set[0].Scope, set[0].Value);
    }
}
