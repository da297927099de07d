namespace Engagement;

/// <summary>Whose members a board ranks.</summary>
public enum BoardScope
{
    BranchMembers = 1,
    CommitteeMembers = 2,
    ParkMembers = 3,
}
