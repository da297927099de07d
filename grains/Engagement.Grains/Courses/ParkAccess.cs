namespace Engagement;

/// <summary>Whether a caller has any role inside a park (member, secretary, committee leader or admin there).</summary>
internal static class ParkAccess
{
    public static async Task<bool> IsInParkAsync(IGrainFactory grains, Caller caller, string parkId, CancellationToken cancellationToken)
    {
        foreach (var grant in caller.Grants)
        {
            if (await ParkOfAsync(grains, grant, cancellationToken) == parkId)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<string?> ParkOfAsync(IGrainFactory grains, RoleGrant grant, CancellationToken cancellationToken)
    {
        try
        {
            return grant.Role switch
            {
                Role.ParkAdmin => grant.Scope,
                Role.Member => (await grains.GetGrain<IMemberGrain>(grant.Scope).GetMembershipAsync(cancellationToken)).ParkId,
                Role.Secretary => (await grains.GetGrain<IBranchGrain>(grant.Scope).GetInfoAsync(cancellationToken)).ParkId,
                Role.CommitteeLeader => (await grains.GetGrain<ICommitteeGrain>(grant.Scope).GetInfoAsync(cancellationToken)).ParkId,
                _ => null,
            };
        }
        catch (EngagementException e) when (e.Kind == ErrorKind.NotFound)
        {
            // A grant over something that does not exist (yet) places the caller in no park.
            return null;
        }
    }
}
