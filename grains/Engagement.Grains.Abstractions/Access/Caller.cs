using System.Collections.Immutable;

namespace Engagement;

/// <summary>
/// Who is calling, as the gateway authenticated them. Grains check every read and write against it,
/// because only the grain knows which park, committee and branch a resource belongs to.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.Caller")]
public sealed record Caller([property: Id(0)] string Subject, [property: Id(1)] ImmutableArray<RoleGrant> Grants)
{
    /// <summary>True when the caller holds <paramref name="role"/> over <paramref name="scope"/>.</summary>
    public bool Has(Role role, string? scope) =>
        scope is not null && Grants.Any(g => g.Role == role && string.Equals(g.Scope, scope, StringComparison.Ordinal));

    /// <summary>The branch's secretary, a leader of its committee or an admin of its park: those who oversee a branch.</summary>
    public bool Oversees(BranchInfo branch) =>
        Has(Role.Secretary, branch.BranchId) || Has(Role.CommitteeLeader, branch.CommitteeId) || Has(Role.ParkAdmin, branch.ParkId);

    /// <summary>The member id the caller acts as, if they hold the member role.</summary>
    public string? MemberId => Grants.FirstOrDefault(g => g.Role == Role.Member)?.Scope;

    /// <summary>
    /// Throws PermissionDenied unless <paramref name="allowed"/>. Only for what is about the caller alone (members
    /// only, one's own feed) or once the caller is known to have a role in the resource's park: a check on a resource
    /// goes through the grains' ParkAccess, so that outside its park the resource answers NOT_FOUND, as an unknown id.
    /// </summary>
    public static void Demand(bool allowed, string action)
    {
        if (!allowed)
        {
            throw EngagementException.PermissionDenied(ErrorReasons.PermissionDenied, $"The caller may not {action}.");
        }
    }
}
