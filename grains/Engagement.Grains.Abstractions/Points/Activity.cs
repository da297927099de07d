namespace Engagement;

/// <summary>What a member did to earn points. Daily caps apply per activity.</summary>
public enum Activity
{
    CheckIn = 1,
    CheckInStreak = 2,
    Quiz = 3,
    CourseEpisode = 4,
    CourseCompleted = 5,
    EventOnSite = 6,
    EventRemote = 7,
}

public static class ActivityLedger
{
    /// <summary>Kinds written by an activity (check-in … event remote): an entry of one of them makes a member active that day.</summary>
    public static bool IsEarning(LedgerEntryKind kind) => kind is >= LedgerEntryKind.CheckIn and <= LedgerEntryKind.EventRemote;

    /// <summary>Kinds that leaderboards rank: everything but spending (redemptions and their refunds).</summary>
    public static bool IsRanked(LedgerEntryKind kind) => kind is not (LedgerEntryKind.Redemption or LedgerEntryKind.Refund);

    /// <summary>The ledger kind an award of <paramref name="activity"/> is written as.</summary>
    public static LedgerEntryKind KindOf(Activity activity) => activity switch
    {
        Activity.CheckIn => LedgerEntryKind.CheckIn,
        Activity.CheckInStreak => LedgerEntryKind.CheckInStreak,
        Activity.Quiz => LedgerEntryKind.Quiz,
        Activity.CourseEpisode => LedgerEntryKind.CourseEpisode,
        Activity.CourseCompleted => LedgerEntryKind.CourseCompleted,
        Activity.EventOnSite => LedgerEntryKind.EventOnSite,
        Activity.EventRemote => LedgerEntryKind.EventRemote,
        _ => throw new ArgumentOutOfRangeException(nameof(activity)),
    };
}
