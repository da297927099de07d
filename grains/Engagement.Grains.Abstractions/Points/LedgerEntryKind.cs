namespace Engagement;

/// <summary>What moved the points; the numbers match <c>engagement.v1.LedgerEntryKind</c> and are stored.</summary>
public enum LedgerEntryKind
{
    CheckIn = 1,
    CheckInStreak = 2,
    Quiz = 3,
    CourseEpisode = 4,
    CourseCompleted = 5,
    EventOnSite = 6,
    EventRemote = 7,
    Adjustment = 8,
    Redemption = 9,
    Refund = 10,
}
