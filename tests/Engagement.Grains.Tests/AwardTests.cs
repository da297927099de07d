namespace Engagement.Tests;

[Collection(ClusterCollection.Name)]
public sealed class AwardTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task AnAwardIsCutToWhatIsLeftUnderTheDailyCapAndTheCapResetsTheNextDay()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();

        var first = await member.AwardAsync(new Award(Activity.Quiz, 5, "quiz:a", "a"));
        var second = await member.AwardAsync(new Award(Activity.Quiz, 5, "quiz:b", "b"));
        var third = await member.AwardAsync(new Award(Activity.Quiz, 5, "quiz:c", "c"));
        fixture.Time.Advance(TimeSpan.FromDays(1));
        var nextDay = await member.AwardAsync(new Award(Activity.Quiz, 5, "quiz:d", "d"));

        Assert.Equal(5, first.PointsAwarded);
        Assert.Equal(1, second.PointsAwarded);
        Assert.Equal(6, second.EarnedToday);
        Assert.Equal(6, second.DailyCap);
        Assert.Equal(0, third.PointsAwarded);
        Assert.Null(third.Entry);
        Assert.Equal(5, nextDay.PointsAwarded);
        Assert.Equal(11, nextDay.Balance);
    }

    [Fact]
    public async Task TheSameAwardKeyNeverAwardsTwice()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var award = new Award(Activity.EventOnSite, 5, "event:e1:on-site", "event:e1:on-site");

        var first = await member.AwardAsync(award);
        var retry = await member.AwardAsync(award);

        Assert.Equal(first, retry);
        Assert.Equal(5, (await member.GetBalanceAsync(org.Admin)).Balance);
    }

    [Fact]
    public async Task UncappedActivitiesAreNotCut()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();

        var a = await member.AwardAsync(new Award(Activity.EventOnSite, 20, "event:1", "e1"));
        var b = await member.AwardAsync(new Award(Activity.EventOnSite, 20, "event:2", "e2"));

        Assert.Equal(20, b.PointsAwarded);
        Assert.Null(a.DailyCap);
        Assert.Equal(40, b.Balance);
    }

    [Fact]
    public async Task AnUnverifiedMemberEarnsNothingFromAnySource()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync(verified: false);

        var error = await Assert.ThrowsAsync<EngagementException>(() => member.AwardAsync(new Award(Activity.Quiz, 3, "quiz:x", "x")));

        Assert.Equal(ErrorReasons.MemberNotVerified, error.Reason);
        Assert.Equal(0, (await member.GetBalanceAsync(org.Admin)).LedgerEntries);
    }

    [Fact]
    public async Task TheSeventhConsecutiveCheckInPaysTheStreakBonusAndAMissedDayStartsOver()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var me = Org.MemberCaller(member.GetPrimaryKeyString());
        var results = new List<CheckInResult>();
        for (var day = 0; day < 7; day++)
        {
            results.Add(await member.CheckInAsync(me, $"d{day}"));
            fixture.Time.Advance(TimeSpan.FromDays(1));
        }

        fixture.Time.Advance(TimeSpan.FromDays(1));
        var afterGap = await member.CheckInAsync(me, "after-gap");

        Assert.All(results.Take(6), r => Assert.Null(r.StreakBonusEntry));
        Assert.Equal(7, results[6].StreakDays);
        Assert.Equal(5, results[6].StreakBonusEntry!.Amount);
        Assert.Equal(LedgerEntryKind.CheckInStreak, results[6].StreakBonusEntry!.Kind);
        Assert.Equal(6, results[6].PointsAwarded);
        Assert.Equal(12, results[6].Balance);
        Assert.Equal(1, afterGap.StreakDays);
        Assert.Null(afterGap.StreakBonusEntry);
        Assert.Equal(13, afterGap.Balance);
    }

    [Fact]
    public async Task DailyProgressShowsTodaysPointsPerActivityWithTheirCaps()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var me = Org.MemberCaller(member.GetPrimaryKeyString());
        await member.CheckInAsync(me, "k");
        await member.AwardAsync(new Award(Activity.Quiz, 4, "quiz", "q"));

        var progress = await member.GetDailyProgressAsync(me);
        fixture.Time.Advance(TimeSpan.FromDays(1));
        var tomorrow = await member.GetDailyProgressAsync(me);

        var quiz = progress.Activities.Single(a => a.Activity == Activity.Quiz);
        Assert.Equal(4, quiz.Earned);
        Assert.Equal(6, quiz.DailyCap);
        Assert.Equal(1, progress.Activities.Single(a => a.Activity == Activity.CheckIn).Earned);
        Assert.Equal(5, progress.EarnedToday);
        Assert.Equal(1, progress.StreakDays);
        Assert.Equal(0, tomorrow.EarnedToday);
        Assert.Equal(1, tomorrow.StreakDays);
        Assert.Equal(5, tomorrow.Balance);
    }
}
