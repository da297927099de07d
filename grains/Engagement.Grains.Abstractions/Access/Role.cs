namespace Engagement;

/// <summary>A role a caller holds over a scope (a member, branch, committee, merchant or park id).</summary>
public enum Role
{
    /// <summary>The member whose id is the scope.</summary>
    Member = 1,

    /// <summary>Secretary of the branch whose id is the scope.</summary>
    Secretary = 2,

    /// <summary>Leader of the committee whose id is the scope.</summary>
    CommitteeLeader = 3,

    /// <summary>Staff of the merchant whose id is the scope.</summary>
    MerchantStaff = 4,

    /// <summary>Administrator of the park whose id is the scope.</summary>
    ParkAdmin = 5,
}
