namespace Engagement;

/// <summary>
/// The organisation's reads for clients: checks the caller against the scope, then reads the rosters the branch,
/// committee and park grains keep (the same lists analytics reads) and the members' own profiles and balances.
/// </summary>
[GrainType("organization-reader"), StatelessWorker]
public sealed class OrganizationReaderGrain : Grain, IOrganizationReaderGrain
{
    /// <summary>Members read at once while a roster page is filled.</summary>
    private const int Batch = 64;

    /// <summary>
    /// Members read at most for one roster page: a filter that keeps few members of a large park answers a short page
    /// (even an empty one) with a cursor after the last member read, instead of reading the whole park in one call.
    /// </summary>
    private const int MaxReadPerPage = 2_000;

    public async Task<BranchInfo> GetBranchAsync(Caller caller, string branchId, CancellationToken cancellationToken = default)
    {
        var branch = await Branch(branchId).GetInfoAsync(cancellationToken);
        var allowed = caller.Oversees(branch) || (await GrainFactory.CallingMemberAsync(caller, cancellationToken))?.BranchId == branchId;
        await GrainFactory.DemandAsync(caller, allowed, branch.ParkId, "read this branch", () => Missing.Branch(branchId), cancellationToken);
        return branch;
    }

    public async Task<CommitteeInfo> GetCommitteeAsync(Caller caller, string committeeId, CancellationToken cancellationToken = default)
    {
        var committee = await Committee(committeeId).GetInfoAsync(cancellationToken);
        var allowed = LeadsOrAdministers(caller, committee)
            || (await GrainFactory.CallingMemberAsync(caller, cancellationToken))?.CommitteeId == committeeId
            || (caller.Grants.Any(g => g.Role == Role.Secretary)
                && (await Committee(committeeId).ListBranchesAsync(cancellationToken)).Any(b => caller.Has(Role.Secretary, b)));
        await GrainFactory.DemandAsync(caller, allowed, committee.ParkId, "read this committee", () => Missing.Committee(committeeId), cancellationToken);
        return committee;
    }

    public async Task<ListPage<CommitteeInfo>> ListCommitteesAsync(Caller caller, string parkId, int size, string? after, CancellationToken cancellationToken = default)
    {
        var park = GrainFactory.GetGrain<IParkGrainInternal>(parkId);
        await park.GetInfoAsync(cancellationToken);
        await DemandAdminAsync(caller, parkId, "list this park's committees", cancellationToken);
        var (ids, next) = Slice(await park.ListCommitteesAsync(cancellationToken), size, after);
        return new(await Task.WhenAll(ids.Select(id => Committee(id).GetInfoAsync(cancellationToken))), next);
    }

    public async Task<ListPage<BranchInfo>> ListBranchesAsync(Caller caller, OrganizationScope scope, string scopeId, int size, string? after,
        CancellationToken cancellationToken = default)
    {
        if (scope == OrganizationScope.Branch)
        {
            throw new ArgumentOutOfRangeException(nameof(scope), scope, "Branches are listed by committee or park.");
        }

        var (ids, next) = Slice(await BranchesAsync(caller, scope, scopeId, "list these branches", cancellationToken), size, after);
        return new(await Task.WhenAll(ids.Select(id => Branch(id).GetInfoAsync(cancellationToken))), next);
    }

    public async Task<ListPage<MerchantInfo>> ListMerchantsAsync(Caller caller, string parkId, int size, string? after, CancellationToken cancellationToken = default)
    {
        var park = GrainFactory.GetGrain<IParkGrainInternal>(parkId);
        await park.GetInfoAsync(cancellationToken);
        await DemandAdminAsync(caller, parkId, "list this park's merchants", cancellationToken);
        var (ids, next) = Slice(await park.ListMerchantsAsync(cancellationToken), size, after);
        return new(await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<IMerchantGrainInternal>(id).GetInfoAsync(cancellationToken))), next);
    }

    public async Task<ListPage<RosterEntry>> ListMembersAsync(Caller caller, OrganizationScope scope, string scopeId, RosterFilter filter, int size, string? after,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var branches = await BranchesAsync(caller, scope, scopeId, "list these members", cancellationToken);
        var (afterBranch, afterMember) = RosterCursor.Parse(after);
        var found = new List<(string Branch, RosterEntry Entry)>(size + 1);
        var read = 0;
        foreach (var branchId in branches.Where(b => afterBranch is null || string.CompareOrdinal(b, afterBranch) >= 0))
        {
            var memberIds = (await Branch(branchId).ListMembersAsync(cancellationToken))
                .Where(m => branchId != afterBranch || string.CompareOrdinal(m, afterMember) > 0)
                .Order(StringComparer.Ordinal);
            foreach (var chunk in memberIds.Chunk(Batch))
            {
                var entries = await Task.WhenAll(chunk.Select(m => GrainFactory.GetGrain<IMemberGrainInternal>(m).GetRosterEntryAsync(cancellationToken)));
                // A member on the way to another branch may still be on this roster for a moment: their profile says where they are.
                found.AddRange(entries.Where(e => e.Profile.BranchId == branchId && filter.Keeps(e.Profile)).Select(e => (branchId, e)));
                if (found.Count > size)
                {
                    var last = found[size - 1];
                    return new([.. found.Take(size).Select(f => f.Entry)], RosterCursor.Format(last.Branch, last.Entry.Profile.MemberId));
                }

                read += chunk.Length;
                if (read >= MaxReadPerPage)
                {
                    return new([.. found.Select(f => f.Entry)], RosterCursor.Format(branchId, chunk[^1]));
                }
            }
        }

        return new([.. found.Select(f => f.Entry)], null);
    }

    /// <summary>The branches of the scope, by id, once the caller was found to oversee it (NotFound for an unknown scope).</summary>
    private async Task<IReadOnlyList<string>> BranchesAsync(Caller caller, OrganizationScope scope, string scopeId, string action, CancellationToken cancellationToken)
    {
        switch (scope)
        {
            case OrganizationScope.Branch:
                var branch = await Branch(scopeId).GetInfoAsync(cancellationToken);
                await GrainFactory.DemandAsync(caller, caller.Oversees(branch), branch.ParkId, action, () => Missing.Branch(scopeId), cancellationToken);
                return [scopeId];
            case OrganizationScope.Committee:
                var committee = Committee(scopeId);
                var info = await committee.GetInfoAsync(cancellationToken);
                await GrainFactory.DemandAsync(caller, LeadsOrAdministers(caller, info), info.ParkId, action, () => Missing.Committee(scopeId), cancellationToken);
                return [.. (await committee.ListBranchesAsync(cancellationToken)).Order(StringComparer.Ordinal)];
            default:
                var park = GrainFactory.GetGrain<IParkGrainInternal>(scopeId);
                await park.GetInfoAsync(cancellationToken);
                await DemandAdminAsync(caller, scopeId, action, cancellationToken);
                var branches = new List<string>();
                foreach (var committeeId in await park.ListCommitteesAsync(cancellationToken))
                {
                    branches.AddRange(await Committee(committeeId).ListBranchesAsync(cancellationToken));
                }

                return [.. branches.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>Up to <paramref name="size"/> ids after <paramref name="after"/> in id order, and the cursor of the next page if more follow.</summary>
    private static (string[] Ids, string? Next) Slice(IEnumerable<string> ids, int size, string? after)
    {
        var rest = ids.Where(id => after is null || string.CompareOrdinal(id, after) > 0).Order(StringComparer.Ordinal).Take(size + 1).ToArray();
        return rest.Length > size ? (rest[..size], rest[size - 1]) : (rest, null);
    }

    private static bool LeadsOrAdministers(Caller caller, CommitteeInfo committee) =>
        caller.Has(Role.CommitteeLeader, committee.CommitteeId) || caller.Has(Role.ParkAdmin, committee.ParkId);

    private Task DemandAdminAsync(Caller caller, string parkId, string action, CancellationToken cancellationToken) =>
        GrainFactory.DemandAsync(caller, caller.Has(Role.ParkAdmin, parkId), parkId, action, () => Missing.Park(parkId), cancellationToken);

    private IBranchGrainInternal Branch(string id) => GrainFactory.GetGrain<IBranchGrainInternal>(id);

    private ICommitteeGrainInternal Committee(string id) => GrainFactory.GetGrain<ICommitteeGrainInternal>(id);
}

/// <summary>A roster page's cursor: "branch/member" of the last member listed (ids never contain '/').</summary>
internal static class RosterCursor
{
    public static string Format(string branchId, string memberId) => $"{branchId}/{memberId}";

    public static (string? Branch, string? Member) Parse(string? cursor) =>
        cursor?.Split('/') is [var branch, var member] ? (branch, member) : (null, null);
}
