using System.Text.Json;

namespace Engagement.Tests;

[Collection(ClusterCollection.Name)]
public sealed class AnalyticsTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task BranchFiguresAfterDaysOfRandomActivityEqualWhatTheLedgersSayAndRepeatedEventsChangeNothing()
    {
        var org = await new Org(_grains).CreateAsync();
        var members = new List<IMemberGrain>();
        for (var i = 0; i < 6; i++)
        {
            members.Add(await org.MemberAsync());
        }

        var first = ParkClock.DayOf(fixture.Time.GetUtcNow(), ParkClock.DefaultTimeZone);
        var random = new Random(20261123);
        for (var day = 0; day < 5; day++)
        {
            foreach (var member in members)
            {
                var id = member.GetPrimaryKeyString();
                if (random.NextDouble() < 0.6)
                {
                    await member.CheckInAsync(Org.MemberCaller(id), Org.Next("k"));
                }

                if (random.NextDouble() < 0.5)
                {
                    await member.AwardAsync(new Award(Activity.Quiz, random.Next(1, 15), $"quiz:{day}", Org.Next("k")));
                }

                if (random.NextDouble() < 0.3)
                {
                    await member.AwardAsync(new Award(Activity.CourseEpisode, 5, $"episode:{day}", Org.Next("k")));
                }

                if (random.NextDouble() < 0.25 && (await member.GetBalanceAsync(org.Admin)).Balance > 3)
                {
                    await member.AdjustAsync(org.Secretary, random.Next(-3, 10), "校正", Org.Next("k"));
                }
            }

            fixture.Time.Advance(TimeSpan.FromDays(1));
        }

        var last = first.AddDays(4);
        var ledger = (await Task.WhenAll(members.Select(m => LedgerAsync(m, org.Admin)))).SelectMany(e => e).ToList();
        var analytics = _grains.GetGrain<IAnalyticsGrain>(0);

        var report = await analytics.GetBranchAsync(org.Admin, org.Branch, first, last);
        foreach (var entry in ledger)
        {
            await _grains.GetGrain<IBranchDayGrain>(ActivityKeys.BranchDay(org.Branch, DayOf(entry))).ApplyAsync(entry);
        }

        var again = await analytics.GetBranchAsync(org.Admin, org.Branch, first, last);

        var earning = ledger.Where(e => ActivityLedger.IsEarning(e.Kind)).ToList();
        Assert.Equal(Enumerable.Range(0, 5).Select(d => first.AddDays(d)).Select(day => (day,
                earning.Where(e => DayOf(e) == day).Select(e => e.MemberId).Distinct().Count(),
                earning.Where(e => DayOf(e) == day).Sum(e => e.Amount),
                (long)earning.Count(e => DayOf(e) == day))),
            report.Days.Select(d => (d.Day, d.ActiveMembers, d.PointsEarned, d.EarningEntries)));
        Assert.Equal(ledger.Where(e => e.Kind == LedgerEntryKind.Adjustment).Sum(e => e.Amount), report.PointsAdjusted);
        Assert.Equal(ledger.Sum(e => e.Amount), report.PointsEarned + report.PointsAdjusted - report.PointsSpent + report.PointsRefunded);
        Assert.Equal([LedgerEntryKind.CheckIn, LedgerEntryKind.Quiz, LedgerEntryKind.CourseEpisode],
            report.Participation.Where(p => p.Entries > 0).Select(p => p.Kind));
        foreach (var kind in report.Participation)
        {
            Assert.Equal((earning.Count(e => e.Kind == kind.Kind), earning.Where(e => e.Kind == kind.Kind).Sum(e => e.Amount)), (kind.Entries, kind.Points));
        }

        Assert.Equal(members.Select(m => m.GetPrimaryKeyString()).Order(StringComparer.Ordinal),
            report.MemberRows.Select(r => r.MemberId));
        Assert.All(report.MemberRows, row => Assert.Equal(earning.Where(e => e.MemberId == row.MemberId).Sum(e => e.Amount), row.PointsEarned));
        Assert.Equal(JsonSerializer.Serialize(report), JsonSerializer.Serialize(again));
    }

    [Fact]
    public async Task APeriodInTheFutureOrLongerThanAQuarterIsRefusedNamingTheField()
    {
        var org = await new Org(_grains).CreateAsync();
        var today = ParkClock.DayOf(fixture.Time.GetUtcNow(), ParkClock.DefaultTimeZone);
        var analytics = _grains.GetGrain<IAnalyticsGrain>(0);

        var future = await Assert.ThrowsAsync<EngagementException>(() => analytics.GetBranchAsync(org.Admin, org.Branch, today, today.AddDays(1)));
        var tooLong = await Assert.ThrowsAsync<EngagementException>(() => analytics.GetBranchAsync(org.Admin, org.Branch, today.AddDays(-ActivityKeys.MaxDays), today));
        var reversed = await Assert.ThrowsAsync<EngagementException>(() => analytics.GetBranchAsync(org.Admin, org.Branch, today, today.AddDays(-1)));

        Assert.Equal(["to_day"], future.Violations.Select(v => v.Field));
        Assert.Equal(["from_day"], tooLong.Violations.Select(v => v.Field));
        Assert.Equal(["from_day"], reversed.Violations.Select(v => v.Field));
        Assert.Equal(ActivityKeys.MaxDays, (await analytics.GetBranchAsync(org.Admin, org.Branch, today.AddDays(1 - ActivityKeys.MaxDays), today)).Days.Count);
    }

    [Fact]
    public async Task APeriodAtTheBeginningOfTimeIsRefusedNamingTheFieldNotAnInternalError()
    {
        var org = await new Org(_grains).CreateAsync();
        var analytics = _grains.GetGrain<IAnalyticsGrain>(0);
        var first = ActivityKeys.EarliestDay;

        var onlyTo = await Assert.ThrowsAsync<EngagementException>(() => analytics.GetBranchAsync(org.Admin, org.Branch, null, DateOnly.MinValue));
        var both = await Assert.ThrowsAsync<EngagementException>(() => analytics.GetCommitteeAsync(org.Admin, org.Committee, DateOnly.MinValue, DateOnly.MinValue));
        var justBefore = await Assert.ThrowsAsync<EngagementException>(() => analytics.GetBranchAsync(org.Admin, org.Branch, first.AddDays(-1), first.AddDays(4)));
        var clipped = await analytics.GetBranchAsync(org.Admin, org.Branch, null, first.AddDays(4));

        Assert.All([onlyTo, both, justBefore], e => Assert.Equal(ErrorKind.InvalidArgument, e.Kind));
        Assert.Equal(["to_day"], onlyTo.Violations.Select(v => v.Field));
        Assert.Equal(["to_day", "from_day"], both.Violations.Select(v => v.Field));
        Assert.Equal(["from_day"], justBefore.Violations.Select(v => v.Field));
        Assert.Equal((first, first.AddDays(4)), (clipped.From, clipped.To));
    }

    private static DateOnly DayOf(LedgerEntry entry) => ParkClock.DayOf(entry.CreatedAt, ParkClock.DefaultTimeZone);

    private static async Task<List<LedgerEntry>> LedgerAsync(IMemberGrain member, Caller caller)
    {
        var entries = new List<LedgerEntry>();
        long? before = null;
        do
        {
            var page = await member.ListLedgerAsync(caller, LedgerPaging.MaxListPageSize, before);
            entries.AddRange(page.Entries);
            before = page.NextBefore;
        }
        while (before is not null);
        return entries;
    }
}
