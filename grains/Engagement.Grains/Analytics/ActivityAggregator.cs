using System.Globalization;

namespace Engagement;

/// <summary>Adds branch-days up into a report. Pure: everything it needs is passed in.</summary>
internal static class ActivityAggregator
{
    /// <summary>
    /// The report of <paramref name="scopeId"/> (a branch or committee) for park-local days <paramref name="from"/>..<paramref name="to"/>
    /// from every branch-day of the scope in the period (<paramref name="days"/>), its members now (<paramref name="roster"/>,
    /// deactivated ones included) and the <paramref name="profiles"/> of the roster and of everyone in the days.
    /// <paramref name="timeZone"/> is the park's.
    /// </summary>
    public static ActivityReport Aggregate(string scopeId, DateOnly from, DateOnly to, IReadOnlyList<BranchDay> days,
        IReadOnlyCollection<string> roster, IReadOnlyDictionary<string, MemberProfile> profiles, string timeZone)
    {
        var current = roster.Where(m => profiles.TryGetValue(m, out var p) && p.Active).ToHashSet(StringComparer.Ordinal);
        var rows = days.SelectMany(d => d.Members.Select(m => (d.Day, Member: m))).ToList();
        var activeByDay = rows.Where(r => r.Member.Active).GroupBy(r => r.Day)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Member.MemberId).ToHashSet(StringComparer.Ordinal));

        var trend = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).Select(day =>
        {
            var ofDay = rows.Where(r => r.Day == day).Select(r => r.Member).ToList();
            return new DayActivityRow(day, activeByDay.GetValueOrDefault(day)?.Count ?? 0, ofDay.Sum(m => m.Earned), ofDay.Sum(m => (long)m.EarningEntries));
        }).ToList();

        var weeks = trend.GroupBy(d => WeekStart(d.Day)).Select(week => new WeekActivityRow(week.Key,
            week.SelectMany(d => activeByDay.GetValueOrDefault(d.Day) ?? []).Distinct(StringComparer.Ordinal).Count(),
            week.Sum(d => d.PointsEarned))).ToList();

        var participation = Enumerable.Range((int)LedgerEntryKind.CheckIn, (int)LedgerEntryKind.EventRemote).Select(k => (LedgerEntryKind)k)
            .Select(kind => new KindParticipation(kind,
                rows.Where(r => r.Member.EntriesOf(kind) > 0).Select(r => r.Member.MemberId).Distinct(StringComparer.Ordinal).Count(),
                rows.Sum(r => (long)r.Member.EntriesOf(kind)), rows.Sum(r => r.Member.PointsOf(kind))))
            .ToList();

        var byMember = rows.GroupBy(r => r.Member.MemberId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var memberRows = byMember.Keys.Union(current, StringComparer.Ordinal).Select(memberId =>
        {
            var mine = byMember.GetValueOrDefault(memberId) ?? [];
            var profile = profiles.GetValueOrDefault(memberId);
            var registered = profile is null ? DateOnly.MinValue : ParkClock.DayOf(profile.RegisteredAt, timeZone);
            return new MemberActivityRow(memberId, profile?.DisplayName ?? "", profile?.BranchId ?? "",
                mine.Where(r => r.Member.Active).Select(r => r.Day).Distinct().Count(),
                mine.Sum(r => r.Member.Earned), mine.Sum(r => (long)r.Member.EarningEntries),
                current.Contains(memberId), registered, current.Contains(memberId) && registered >= from && registered <= to);
        }).OrderBy(r => r.MemberId, StringComparer.Ordinal).ToList();

        return new ActivityReport(scopeId, from, to,
            Members: current.Count,
            DeactivatedMembers: roster.Count(m => profiles.TryGetValue(m, out var p) && !p.Active),
            ActiveMembers: activeByDay.Values.SelectMany(s => s).Distinct(StringComparer.Ordinal).Count(),
            PointsEarned: trend.Sum(d => d.PointsEarned),
            PointsAdjusted: rows.Sum(r => r.Member.PointsOf(LedgerEntryKind.Adjustment)),
            PointsSpent: -rows.Sum(r => r.Member.PointsOf(LedgerEntryKind.Redemption)),
            PointsRefunded: rows.Sum(r => r.Member.PointsOf(LedgerEntryKind.Refund)),
            participation, memberRows, trend, weeks);
    }

    /// <summary>The Monday of <paramref name="day"/>'s ISO week.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
