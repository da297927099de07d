namespace Engagement;

/// <summary>Stream namespaces.</summary>
public static class StreamNamespaces
{
    /// <summary>Every ledger movement of every member of a park (key: park id), as <see cref="PointsMoved"/>.</summary>
    public const string PointsMoved = "points-moved";

    /// <summary>Every change of one redemption (key: redemption id), as <see cref="RedemptionView"/>.</summary>
    public const string RedemptionStatus = "redemption-status";

    /// <summary>A board's top <see cref="LeaderboardWatch.TopSize"/> whenever it changed, at most a few times a second (key: board key), as <see cref="BoardPage"/>.</summary>
    public const string LeaderboardTop = "leaderboard-top";

    /// <summary>Every notice published to one board (key: <see cref="NoticeBoards.Key"/>), as <see cref="Notice"/>.</summary>
    public const string Notices = "notices";
}
