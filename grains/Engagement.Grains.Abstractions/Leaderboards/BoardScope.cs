namespace Engagement;

/// <summary>Whose members a board ranks.</summary>
public enum BoardScope
{
    BranchMembers = 1,
    CommitteeMembers = 2,
    ParkMembers = 3,

    /// <summary>A committee's branches ranked by points per member, so small branches compete fairly.</summary>
    CommitteeBranches = 4,
}
