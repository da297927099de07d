using Engagement.V1;

namespace Engagement.Gateway;

/// <summary>Analytics reports to their proto shape (top and least active picked here) and the request's period.</summary>
public static class AnalyticsMapping
{
    public static (DateOnly? From, DateOnly? To) Period(RequestValidator validator, string fromDay, string toDay) =>
        (QuizValidation.Day(validator, "from_day", fromDay, required: false), QuizValidation.Day(validator, "to_day", toDay, required: false));

    /// <summary>Most points earned first, then more active days, then member id.</summary>
    public static IEnumerable<MemberActivityRow> Top(ActivityReport report) =>
        report.MemberRows.OrderByDescending(r => r.PointsEarned).ThenByDescending(r => r.ActiveDays).ThenBy(r => r.MemberId, StringComparer.Ordinal);

    /// <summary>Current members, fewest active days first, then fewer points, then member id.</summary>
    public static IEnumerable<MemberActivityRow> Least(ActivityReport report) =>
        report.MemberRows.Where(r => r.Current).OrderBy(r => r.ActiveDays).ThenBy(r => r.PointsEarned).ThenBy(r => r.MemberId, StringComparer.Ordinal);

    /// <summary>A committee's branches by points earned per member, highest first (exact: a × b' against b × a').</summary>
    public static IEnumerable<BranchReport> Compared(CommitteeReport report) =>
        report.Branches.OrderByDescending(b => b, Comparer<BranchReport>.Create((x, y) =>
            ((decimal)x.Report.PointsEarned * Math.Max(1, y.Report.Members)).CompareTo((decimal)y.Report.PointsEarned * Math.Max(1, x.Report.Members))))
            .ThenBy(b => b.Report.ScopeId, StringComparer.Ordinal);

    public static ActivityAnalytics ToProto(ActivityReport report, int top)
    {
        var count = top == 0 ? ActivityKeys.DefaultTop : top;
        var proto = new ActivityAnalytics
        {
            ScopeId = report.ScopeId,
            FromDay = ProtoMapping.Day(report.From),
            ToDay = ProtoMapping.Day(report.To),
            Days = report.DayCount,
            Members = report.Members,
            DeactivatedMembers = report.DeactivatedMembers,
            ActiveMembers = report.ActiveMembers,
            ActiveRatio = report.ActiveRatio,
            AverageDailyActive = report.AverageDailyActive,
            PointsEarned = report.PointsEarned,
            PointsAdjusted = report.PointsAdjusted,
            PointsSpent = report.PointsSpent,
            PointsRefunded = report.PointsRefunded,
            PointsPerMember = report.PointsPerMember,
        };
        proto.Participation.AddRange(report.Participation.Select(p => new ActivityParticipation
        {
            Kind = (V1.LedgerEntryKind)(int)p.Kind, Members = p.Members, Entries = p.Entries, Points = p.Points,
        }));
        proto.TopMembers.AddRange(Top(report).Take(count).Select(ToProto));
        proto.LeastActiveMembers.AddRange(Least(report).Take(count).Select(ToProto));
        proto.NewMembers.AddRange(report.MemberRows.Where(r => r.New).OrderBy(r => r.RegisteredDay).ThenBy(r => r.MemberId, StringComparer.Ordinal)
            .Select(r => new NewMember { MemberId = r.MemberId, DisplayName = r.DisplayName, BranchId = r.BranchId, RegisteredDay = ProtoMapping.Day(r.RegisteredDay) }));
        proto.Trend.AddRange(report.Days.Select(d => new DayActivity
        {
            Day = ProtoMapping.Day(d.Day), ActiveMembers = d.ActiveMembers, PointsEarned = d.PointsEarned, EarningEntries = d.EarningEntries,
        }));
        proto.WeeklyActive.AddRange(report.Weeks.Select(w => new WeekActivity
        {
            WeekStart = ProtoMapping.Day(w.WeekStart), ActiveMembers = w.ActiveMembers, PointsEarned = w.PointsEarned,
        }));
        return proto;
    }

    public static BranchComparison ToProto(BranchReport branch) => new()
    {
        BranchId = branch.Report.ScopeId,
        Name = branch.Name,
        Members = branch.Report.Members,
        ActiveMembers = branch.Report.ActiveMembers,
        ActiveRatio = branch.Report.ActiveRatio,
        PointsEarned = branch.Report.PointsEarned,
        PointsPerMember = branch.Report.PointsPerMember,
        AverageDailyActive = branch.Report.AverageDailyActive,
    };

    private static MemberActivity ToProto(MemberActivityRow row) => new()
    {
        MemberId = row.MemberId, DisplayName = row.DisplayName, BranchId = row.BranchId,
        ActiveDays = row.ActiveDays, PointsEarned = row.PointsEarned, EarningEntries = row.EarningEntries,
    };
}
