using System.Globalization;
using System.Text;

namespace Engagement.Gateway;

/// <summary>
/// Analytics as CSV for spreadsheets (HTTP port): GET /v1/analytics/branches/{id}/days.csv and members.csv,
/// /v1/analytics/committees/{id}/days.csv, members.csv and branches.csv, with ?fromDay=yyyy-MM-dd&amp;toDay=yyyy-MM-dd (the names the JSON routes use).
/// </summary>
public static class AnalyticsCsv
{
    public static void MapAnalyticsCsv(this WebApplication app) =>
        app.MapGet("/v1/analytics/{scope}/{scopeId}/{table}.csv", (string scope, string scopeId, string table, string? fromDay, string? toDay, HttpContext http, IGrainFactory grains) =>
            CsvResults.RunAsync(http, async caller =>
            {
                var validator = new RequestValidator();
                var committee = scope == "committees";
                if (!committee && scope != "branches")
                {
                    validator.Add("scope", "must be branches or committees");
                }

                if (table is not ("days" or "members") && !(committee && table == "branches"))
                {
                    validator.Add("table", committee ? "must be days, members or branches" : "must be days or members");
                }

                validator.Id(committee ? "committee_id" : "branch_id", scopeId);
                var (first, last) = AnalyticsMapping.Period(validator, fromDay ?? "", toDay ?? "");
                validator.ThrowIfInvalid();
                var analytics = grains.GetGrain<IAnalyticsGrain>(0);
                if (!committee)
                {
                    var report = await analytics.GetBranchAsync(caller, scopeId, first, last, http.RequestAborted);
                    return table == "days" ? Days(report) : Members(report);
                }

                var committeeReport = await analytics.GetCommitteeAsync(caller, scopeId, first, last, http.RequestAborted);
                return table switch
                {
                    "days" => Days(committeeReport.Committee),
                    "members" => Members(committeeReport.Committee),
                    _ => Branches(committeeReport),
                };
            }));

    public static string Days(ActivityReport report)
    {
        var csv = new StringBuilder("day,active_members,points_earned,earning_entries\n");
        foreach (var day in report.Days)
        {
            csv.Append(Line(ProtoMapping.Day(day.Day), N(day.ActiveMembers), N(day.PointsEarned), N(day.EarningEntries)));
        }

        return csv.ToString();
    }

    /// <summary>Every member of the report, most points first.</summary>
    public static string Members(ActivityReport report)
    {
        var csv = new StringBuilder("member_id,display_name,branch_id,current,new,active_days,points_earned,earning_entries\n");
        foreach (var row in AnalyticsMapping.Top(report))
        {
            csv.Append(Line(row.MemberId, CsvResults.Quote(row.DisplayName), row.BranchId, row.Current ? "true" : "false", row.New ? "true" : "false",
                N(row.ActiveDays), N(row.PointsEarned), N(row.EarningEntries)));
        }

        return csv.ToString();
    }

    public static string Branches(CommitteeReport report)
    {
        var csv = new StringBuilder("branch_id,name,members,active_members,active_ratio,points_earned,points_per_member,average_daily_active\n");
        foreach (var branch in AnalyticsMapping.Compared(report))
        {
            var r = branch.Report;
            csv.Append(Line(r.ScopeId, CsvResults.Quote(branch.Name), N(r.Members), N(r.ActiveMembers), D(r.ActiveRatio), N(r.PointsEarned),
                D(r.PointsPerMember), D(r.AverageDailyActive)));
        }

        return csv.ToString();
    }

    private static string Line(params string[] fields) => string.Join(',', fields) + "\n";

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
