namespace Engagement;

/// <summary>The bounds of the member insights (docs/insights.md explains each choice).</summary>
public static class InsightsLimits
{
    /// <summary>A profile period without dates: the last 30 park-local days, today included.</summary>
    public const int DefaultPeriodDays = 30;

    /// <summary>The longest profile period (about a quarter).</summary>
    public const int MaxPeriodDays = 93;

    /// <summary>
    /// How far back a profile period may start (today − 399 days). The quiz and event histories keep this long, so
    /// every figure of an allowed period is complete; it also bounds the ledger entries a profile grain keeps in memory.
    /// </summary>
    public const int LookbackDays = 400;

    /// <summary>Weekly board standings shown in a profile: the last weeks touching the period.</summary>
    public const int MaxRankWeeks = 8;

    /// <summary>Upcoming events are recommended when they start within this many days.</summary>
    public const int EventHorizonDays = 14;

    /// <summary>Wrong quiz answers of this many park-local days (today included) suggest courses.</summary>
    public const int WrongAnswerDays = 30;

    /// <summary>Most recommendations of one kind (course episodes, events, courses for review).</summary>
    public const int MaxPerKind = 5;

    /// <summary>Inactive members: the default and the bounds of <c>inactive_days</c>.</summary>
    public const int DefaultInactiveDays = 7;

    public const int MaxInactiveDays = 90;

    /// <summary>How far back the inactivity scan looks for a member's last earning entry.</summary>
    public const int InactivityScanDays = 90;

    /// <summary>Events a member's attendance history keeps at most (besides the <see cref="LookbackDays"/> window).</summary>
    public const int MaxAttendedEvents = 1000;
}
