namespace Engagement;

/// <summary>The park-local days a profile covers, and the instants that surely enclose them in any time zone.</summary>
internal static class InsightsPeriod
{
    /// <summary>
    /// Fills in the defaults (to: today; from: 30 days up to to) and checks the rules: from ≤ to, at most 93 days,
    /// not after today, not before today − 399 days (neither day). InvalidArgument naming <c>from_day</c> / <c>to_day</c>.
    /// </summary>
    public static (DateOnly From, DateOnly To) Resolve(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var end = to ?? today;
        var earliest = Earliest(today);
        var violations = new List<FieldViolation>();
        if (end > today)
        {
            violations.Add(new FieldViolation("to_day", $"must not be after today in the park ({QuizKeys.Format(today)})"));
        }
        else if (end < earliest)
        {
            violations.Add(new FieldViolation("to_day", $"must not be before {QuizKeys.Format(earliest)} ({InsightsLimits.LookbackDays} days are kept)"));
        }

        // A default start counts back from a to_day that is kept (never from one near 0001-01-01, which has no room for it).
        var start = from ?? (end < earliest ? end : end.AddDays(1 - InsightsLimits.DefaultPeriodDays));

        if (start > end)
        {
            violations.Add(new FieldViolation("from_day", "must not be after to_day"));
        }
        else if (end.DayNumber - start.DayNumber + 1 > InsightsLimits.MaxPeriodDays)
        {
            violations.Add(new FieldViolation("from_day", $"the period may span at most {InsightsLimits.MaxPeriodDays} days"));
        }
        else if (start < earliest && !(from is null && end < earliest))
        {
            violations.Add(new FieldViolation("from_day", $"must not be before {QuizKeys.Format(earliest)} ({InsightsLimits.LookbackDays} days are kept)"));
        }

        return violations.Count > 0 ? throw EngagementException.InvalidArgument(violations) : (start, end);
    }

    /// <summary>The first day a period may start on.</summary>
    public static DateOnly Earliest(DateOnly today) => today.AddDays(1 - InsightsLimits.LookbackDays);

    /// <summary>An instant at or before the start of <paramref name="day"/> in every time zone (UTC+14 is the earliest).</summary>
    public static DateTimeOffset NotAfterStartOf(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(-14);

    /// <summary>An instant at or after the end of <paramref name="day"/> in every time zone (UTC−12 is the latest).</summary>
    public static DateTimeOffset NotBeforeEndOf(DateOnly day) =>
        new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(12);

    /// <summary>The park-local hour of <paramref name="instant"/>.</summary>
    public static int HourOf(DateTimeOffset instant, string timeZone) =>
        TimeZoneInfo.ConvertTime(instant, ParkClock.TryResolve(timeZone) ?? TimeZoneInfo.Utc).Hour;
}
