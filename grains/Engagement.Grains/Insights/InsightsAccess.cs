namespace Engagement;

/// <summary>Who may read a member's insights, and the identity the insights grains read boards with.</summary>
internal static class InsightsAccess
{
    /// <summary>The member, the secretary of their branch, the leaders of their committee, the admins of their park.</summary>
    public static bool MayReadProfile(Caller caller, MemberProfile member) =>
        caller.Has(Role.Member, member.MemberId) || caller.Has(Role.Secretary, member.BranchId)
        || caller.Has(Role.CommitteeLeader, member.CommitteeId) || caller.Has(Role.ParkAdmin, member.ParkId);

    /// <summary>The member and the secretary of their branch.</summary>
    public static bool MayReadRecommendations(Caller caller, MemberProfile member) =>
        caller.Has(Role.Member, member.MemberId) || caller.Has(Role.Secretary, member.BranchId);

    /// <summary>
    /// Boards check their own readers, and a branch secretary may not read the committee's board. A profile reader was
    /// checked above, and a profile shows only the member's own standing, so the grain reads boards as the park.
    /// </summary>
    public static Caller BoardReader(string parkId) => new("insights", [new RoleGrant(Role.ParkAdmin, parkId)]);
}
