namespace Engagement;

/// <summary>
/// The one rule of visibility across parks, used by every grain that checks a caller. A caller with no role at all
/// in a resource's park — not an admin of that park, no secretary or leader of one of its branches or committees, not
/// one of its members, not staff of one of its merchants — gets the resource's own NOT_FOUND (<see cref="Missing"/>),
/// exactly what an id that does not exist gets; PERMISSION_DENIED is only for callers inside the park who may not do
/// what they asked. The roles are resolved only when a caller is refused, so an allowed call costs nothing more.
/// </summary>
internal static class ParkAccess
{
    /// <summary>True when the caller holds any role inside <paramref name="parkId"/>.</summary>
    public static async Task<bool> IsInParkAsync(this IGrainFactory grains, Caller caller, string parkId, CancellationToken cancellationToken = default)
    {
        if (caller.Has(Role.ParkAdmin, parkId))
        {
            return true;
        }

        foreach (var grant in caller.Grants.Where(g => g.Role != Role.ParkAdmin))
        {
            if (await ParkOfAsync(grains, caller, grant, cancellationToken) == parkId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Nothing when <paramref name="allowed"/>; otherwise throws the <see cref="RefusalAsync"/>.</summary>
    public static async Task DemandAsync(this IGrainFactory grains, Caller caller, bool allowed, string parkId, string action,
        Func<EngagementException> notFound, CancellationToken cancellationToken = default)
    {
        if (!allowed)
        {
            throw await grains.RefusalAsync(caller, parkId, action, notFound, cancellationToken);
        }
    }

    /// <summary>
    /// What a caller who may not <paramref name="action"/> on a resource of <paramref name="parkId"/> is told:
    /// PERMISSION_DENIED inside the park, <paramref name="notFound"/> outside it. To be thrown.
    /// </summary>
    public static async Task<EngagementException> RefusalAsync(this IGrainFactory grains, Caller caller, string parkId, string action,
        Func<EngagementException> notFound, CancellationToken cancellationToken = default) =>
        await grains.IsInParkAsync(caller, parkId, cancellationToken)
            ? EngagementException.PermissionDenied(ErrorReasons.PermissionDenied, $"The caller may not {action}.")
            : notFound();

    /// <summary>Throws <paramref name="notFound"/> unless the caller has a role in <paramref name="parkId"/>.</summary>
    public static async Task RequireInParkAsync(this IGrainFactory grains, Caller caller, string parkId, Func<EngagementException> notFound,
        CancellationToken cancellationToken = default)
    {
        if (!await grains.IsInParkAsync(caller, parkId, cancellationToken))
        {
            throw notFound();
        }
    }

    /// <summary>The calling member's profile, or null when the caller is no (registered) member.</summary>
    public static async Task<MemberProfile?> CallingMemberAsync(this IGrainFactory grains, Caller caller, CancellationToken cancellationToken = default)
    {
        if (caller.MemberId is not { } memberId)
        {
            return null;
        }

        try
        {
            return await grains.GetGrain<IMemberGrainInternal>(memberId).GetMembershipAsync(cancellationToken);
        }
        catch (EngagementException e) when (e.Kind == ErrorKind.NotFound)
        {
            return null;
        }
    }

    /// <summary>The park a grant places its holder in; null when its scope does not exist (yet) or the grant is void.</summary>
    private static async Task<string?> ParkOfAsync(IGrainFactory grains, Caller caller, RoleGrant grant, CancellationToken cancellationToken)
    {
        try
        {
            switch (grant.Role)
            {
                case Role.Member:
                    return (await grains.GetGrain<IMemberGrainInternal>(grant.Scope).GetMembershipAsync(cancellationToken)).ParkId;
                case Role.Secretary:
                    return (await grains.GetGrain<IBranchGrainInternal>(grant.Scope).GetInfoAsync(cancellationToken)).ParkId;
                case Role.CommitteeLeader:
                    return (await grains.GetGrain<ICommitteeGrainInternal>(grant.Scope).GetInfoAsync(cancellationToken)).ParkId;
                case Role.MerchantStaff:
                    // Staff are those on the merchant's staff list, as at the counter.
                    var merchant = grains.GetGrain<IMerchantGrainInternal>(grant.Scope);
                    return await merchant.IsStaffAsync(caller, cancellationToken) ? (await merchant.GetInfoAsync(cancellationToken)).ParkId : null;
                default:
                    return grant.Scope;
            }
        }
        catch (EngagementException e) when (e.Kind == ErrorKind.NotFound)
        {
            return null;
        }
    }
}
