namespace Engagement;

/// <summary>
/// Who may read a board: park admins of its park; the secretary of a branch board's branch; leaders of the committee
/// (committee boards, and boards of its branches); members of the branch, committee or park the board ranks.
/// </summary>
internal sealed class BoardAudience(BoardScope scope, string scopeId, string parkId, string? committeeId, string timeZone, string? branchName = null)
{
    /// <summary>A branch board's branch name (what its committee's branch board shows for it).</summary>
    public string? BranchName => branchName;

    /// <summary>The park's time zone: the board's period is park-local.</summary>
    public string TimeZone => timeZone;

    /// <summary>The park of the board's scope.</summary>
    public string ParkId => parkId;

    /// <summary>What an unknown scope answers: the board's NOT_FOUND for callers without a role in its park.</summary>
    public EngagementException NotFound() => scope switch
    {
        BoardScope.BranchMembers => Missing.Branch(scopeId),
        BoardScope.CommitteeMembers or BoardScope.CommitteeBranches => Missing.Committee(scopeId),
        _ => Missing.Park(scopeId),
    };

    /// <summary>The committee of a branch or committee board.</summary>
    public string? CommitteeId => committeeId;

    public static async Task<BoardAudience> OfAsync(IGrainFactory grains, string boardKey)
    {
        var (scope, scopeId, _) = BoardKeys.Parse(boardKey);
        switch (scope)
        {
            case BoardScope.BranchMembers:
                var branch = await grains.GetGrain<IBranchGrainInternal>(scopeId).GetInfoAsync();
                return new BoardAudience(scope, scopeId, branch.ParkId, branch.CommitteeId, await TimeZoneOfAsync(grains, branch.ParkId), branch.Name);
            case BoardScope.CommitteeMembers or BoardScope.CommitteeBranches:
                var committee = await grains.GetGrain<ICommitteeGrainInternal>(scopeId).GetInfoAsync();
                return new BoardAudience(scope, scopeId, committee.ParkId, scopeId, await TimeZoneOfAsync(grains, committee.ParkId));
            default:
                return new BoardAudience(scope, scopeId, scopeId, null, await TimeZoneOfAsync(grains, scopeId));
        }
    }

    /// <summary>Every member of the board's scope (the reconcile's candidates).</summary>
    public async Task<IReadOnlyList<string>> RosterAsync(IGrainFactory grains)
    {
        var branches = scope switch
        {
            BoardScope.BranchMembers => [scopeId],
            BoardScope.CommitteeMembers or BoardScope.CommitteeBranches => await grains.GetGrain<ICommitteeGrainInternal>(scopeId).ListBranchesAsync(),
            _ => (await Task.WhenAll((await grains.GetGrain<IParkGrainInternal>(scopeId).ListCommitteesAsync())
                .Select(c => grains.GetGrain<ICommitteeGrainInternal>(c).ListBranchesAsync()))).SelectMany(b => b).ToList(),
        };
        if (scope == BoardScope.CommitteeBranches)
        {
            return [];
        }

        // Members who left count too: their entries from before the move still belong here.
        var members = await Task.WhenAll(branches.Select(b => grains.GetGrain<IBranchGrainInternal>(b).ListMembersSinceAsync(DateTimeOffset.MinValue)));
        return [.. members.SelectMany(m => m).Distinct(StringComparer.Ordinal)];
    }

    private static async Task<string> TimeZoneOfAsync(IGrainFactory grains, string parkId) =>
        (await grains.GetGrain<IParkGrainInternal>(parkId).GetInfoAsync()).TimeZone;

    /// <summary>Throws unless <paramref name="caller"/> may read the board (NOT_FOUND to callers without a role in its park).</summary>
    public async Task DemandReaderAsync(IGrainFactory grains, Caller caller) =>
        await grains.DemandAsync(caller, await MayReadAsync(grains, caller), parkId, "read this leaderboard", NotFound);

    public async Task<bool> MayReadAsync(IGrainFactory grains, Caller caller)
    {
        if (caller.Has(Role.ParkAdmin, parkId) || caller.Has(Role.CommitteeLeader, committeeId)
            || scope == BoardScope.BranchMembers && caller.Has(Role.Secretary, scopeId))
        {
            return true;
        }

        if (await grains.CallingMemberAsync(caller) is not { } member)
        {
            return false;
        }

        return scope switch
        {
            BoardScope.BranchMembers => member.BranchId == scopeId,
            BoardScope.CommitteeMembers or BoardScope.CommitteeBranches => member.CommitteeId == scopeId,
            _ => member.ParkId == scopeId,
        };
    }
}
