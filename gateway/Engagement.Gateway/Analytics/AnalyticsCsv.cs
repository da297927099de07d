namespace Engagement.Gateway;

/// <summary>
/// Analytics as CSV (written by <see cref="CsvExport"/>) for spreadsheets (HTTP port): GET /v1/analytics/branches/{id}/days.csv and members.csv,
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

    public static byte[] Days(ActivityReport report) =>
        CsvExport.Write(["day", "active_members", "points_earned", "earning_entries"], csv =>
        {
            foreach (var day in report.Days)
            {
                csv.Text(ProtoMapping.Day(day.Day)).Number(day.ActiveMembers).Number(day.PointsEarned).Number(day.EarningEntries).EndRecord();
            }
        });

    /// <summary>Every member of the report, most points first.</summary>
    public static byte[] Members(ActivityReport report) =>
        CsvExport.Write(["member_id", "display_name", "branch_id", "current", "new", "active_days", "points_earned", "earning_entries"], csv =>
        {
            foreach (var row in AnalyticsMapping.Top(report))
            {
                csv.Text(row.MemberId).Text(row.DisplayName).Text(row.BranchId).Flag(row.Current).Flag(row.New)
                    .Number(row.ActiveDays).Number(row.PointsEarned).Number(row.EarningEntries).EndRecord();
            }
        });

    public static byte[] Branches(CommitteeReport report) =>
        CsvExport.Write(["branch_id", "name", "members", "active_members", "active_ratio", "points_earned", "points_per_member", "average_daily_active"], csv =>
        {
            foreach (var branch in AnalyticsMapping.Compared(report))
            {
                var r = branch.Report;
                csv.Text(r.ScopeId).Text(branch.Name).Number(r.Members).Number(r.ActiveMembers).Number(r.ActiveRatio).Number(r.PointsEarned)
                    .Number(r.PointsPerMember).Number(r.AverageDailyActive).EndRecord();
            }
        });
}
