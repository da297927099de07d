namespace Engagement;

/// <summary>The ledger figures of a profile: points per day and kind, totals, active days and hours, the longest streak.</summary>
internal sealed record ProfileFigures(
    IReadOnlyList<DayPoints> Days,
    IReadOnlyList<KindPoints> Totals,
    long Earned,
    long Adjusted,
    long Spent,
    long Refunded,
    int ActiveDays,
    IReadOnlyList<int> ActiveHours,
    int LongestStreakDays)
{
    /// <summary>Figures of the entries whose park-local day lies in <paramref name="from"/>..<paramref name="to"/>.</summary>
    public static ProfileFigures Of(IEnumerable<LedgerEntry> ledger, string timeZone, DateOnly from, DateOnly to)
    {
        var entries = ledger.Select(e => (Entry: e, Day: ParkClock.DayOf(e.CreatedAt, timeZone)))
            .Where(x => x.Day >= from && x.Day <= to)
            .ToList();
        var byDay = entries.ToLookup(x => x.Day, x => x.Entry);
        var days = new List<DayPoints>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            days.Add(DayOf(day, [.. byDay[day]]));
        }

        var all = entries.Select(x => x.Entry).ToList();
        var hours = new int[24];
        foreach (var entry in all.Where(e => ActivityLedger.IsEarning(e.Kind)))
        {
            hours[InsightsPeriod.HourOf(entry.CreatedAt, timeZone)]++;
        }

        var checkInDays = entries.Where(x => x.Entry.Kind == LedgerEntryKind.CheckIn).Select(x => x.Day).ToHashSet();
        return new ProfileFigures(days, PerKind(all), Sum(all, ActivityLedger.IsEarning), Sum(all, k => k == LedgerEntryKind.Adjustment),
            -Sum(all, k => k == LedgerEntryKind.Redemption), Sum(all, k => k == LedgerEntryKind.Refund),
            days.Count(d => d.Points.Any(p => ActivityLedger.IsEarning(p.Kind))), hours, LongestRun(checkInDays, from, to));
    }

    private static DayPoints DayOf(DateOnly day, IReadOnlyList<LedgerEntry> entries) =>
        new(day, PerKind(entries), Sum(entries, ActivityLedger.IsEarning), -Sum(entries, k => k == LedgerEntryKind.Redemption), Sum(entries, k => k == LedgerEntryKind.Refund));

    /// <summary>Kinds 1–8 that have entries, in kind order; redemptions and refunds are reported apart.</summary>
    private static List<KindPoints> PerKind(IEnumerable<LedgerEntry> entries) =>
        [.. entries.Where(e => e.Kind <= LedgerEntryKind.Adjustment)
            .GroupBy(e => e.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new KindPoints(g.Key, g.Sum(e => e.Amount), g.Count()))];

    private static long Sum(IEnumerable<LedgerEntry> entries, Func<LedgerEntryKind, bool> kinds) =>
        entries.Where(e => kinds(e.Kind)).Sum(e => e.Amount);

    private static int LongestRun(HashSet<DateOnly> days, DateOnly from, DateOnly to)
    {
        int longest = 0, run = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            run = days.Contains(day) ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
