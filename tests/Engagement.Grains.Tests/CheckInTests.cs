namespace Engagement.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CheckInTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task CheckingInTwiceOnTheSameDayAwardsOnePointAndReturnsTheFirstResult()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var caller = Org.MemberCaller(member.GetPrimaryKeyString());

        var first = await member.CheckInAsync(caller, "key-1");
        var second = await member.CheckInAsync(caller, "key-2");
        var retry = await member.CheckInAsync(caller, "key-1");

        Assert.Equal(1, first.PointsAwarded);
        Assert.False(first.AlreadyCheckedIn);
        Assert.True(second.AlreadyCheckedIn);
        Assert.Equal(0, second.PointsAwarded);
        Assert.Equal(first.Entry, second.Entry);
        Assert.Equal(first, retry);
        var balance = await member.GetBalanceAsync(caller);
        Assert.Equal(1, balance.Balance);
        Assert.Equal(1, balance.LedgerEntries);
    }

    [Fact]
    public async Task ANewDayStartsAtParkLocalMidnightAndConsecutiveDaysGrowTheStreak()
    {
        var org = await new Org(_grains).CreateAsync("Asia/Shanghai");
        var member = await org.MemberAsync();
        var caller = Org.MemberCaller(member.GetPrimaryKeyString());
        // 15:59:59 UTC is 23:59:59 in Shanghai; one second later it is the next park-local day.
        var now = fixture.Time.GetUtcNow();
        fixture.Time.Advance(new DateTimeOffset(now.Year, now.Month, now.Day, 15, 59, 59, TimeSpan.Zero).AddDays(1) - now);

        var lateEvening = await member.CheckInAsync(caller, Org.Next("k"));
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var afterMidnight = await member.CheckInAsync(caller, Org.Next("k"));

        Assert.Equal(lateEvening.Day.AddDays(1), afterMidnight.Day);
        Assert.Equal(1, afterMidnight.PointsAwarded);
        Assert.Equal(1, lateEvening.StreakDays);
        Assert.Equal(2, afterMidnight.StreakDays);
        Assert.Equal(2, (await member.GetBalanceAsync(caller)).Balance);
    }

    [Fact]
    public async Task AMissedDayResetsTheStreak()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var caller = Org.MemberCaller(member.GetPrimaryKeyString());

        await member.CheckInAsync(caller, Org.Next("k"));
        fixture.Time.Advance(TimeSpan.FromDays(1));
        var secondDay = await member.CheckInAsync(caller, Org.Next("k"));
        fixture.Time.Advance(TimeSpan.FromDays(2));
        var afterGap = await member.CheckInAsync(caller, Org.Next("k"));

        Assert.Equal(2, secondDay.StreakDays);
        Assert.Equal(1, afterGap.StreakDays);
    }

    [Fact]
    public async Task ARetryOnALaterDayReturnsTheFirstResultInsteadOfCheckingInAgain()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var caller = Org.MemberCaller(member.GetPrimaryKeyString());

        var first = await member.CheckInAsync(caller, "only-key");
        fixture.Time.Advance(TimeSpan.FromDays(1));
        var retry = await member.CheckInAsync(caller, "only-key");

        Assert.Equal(first, retry);
        Assert.Equal(1, (await member.GetBalanceAsync(caller)).Balance);
    }

    [Fact]
    public async Task AnUnverifiedMemberCannotCheckInAndNothingIsRecorded()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync(verified: false);
        var caller = Org.MemberCaller(member.GetPrimaryKeyString());

        var error = await Assert.ThrowsAsync<EngagementException>(() => member.CheckInAsync(caller, "k"));

        Assert.Equal(ErrorKind.FailedPrecondition, error.Kind);
        Assert.Equal(ErrorReasons.MemberNotVerified, error.Reason);
        Assert.Equal(0, (await member.GetBalanceAsync(caller)).LedgerEntries);
    }

    [Fact]
    public async Task NobodyChecksInForSomeoneElse()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();

        var error = await Assert.ThrowsAsync<EngagementException>(() => member.CheckInAsync(org.Secretary, "k"));

        Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
    }
}
