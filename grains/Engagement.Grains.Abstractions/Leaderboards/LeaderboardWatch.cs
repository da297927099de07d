namespace Engagement;

/// <summary>What watchers of a board receive.</summary>
public static class LeaderboardWatch
{
    /// <summary>The top entries a watch shows (and whose changes it is told about).</summary>
    public const int TopSize = 100;

    /// <summary>Changes are gathered for this long before one update goes out (at most 6 a second per board).</summary>
    public static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(150);
}
