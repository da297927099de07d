namespace Engagement.Tests;

/// <summary>Remote attendance by heartbeats, and its exclusion with the on-site check-in.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EventRemoteTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly IGrainFactory _grains = fixture.Client;

    private DateTimeOffset Now => fixture.Time.GetUtcNow();

    /// <summary>A streamed branch event worth 10 points that starts now, and a verified member of the branch.</summary>
    private async Task<(Org Org, IEventGrain Event, IMemberGrain Member, Caller Caller)> StreamingAsync(bool streamed = true)
    {
        var org = await new Org(_grains).CreateAsync();
        var start = Now.AddMinutes(30);
        var grain = await EventSetup.PublishAsync(_grains, org, EventSetup.BranchEvent(org, start, points: 10, streamed: streamed));
        var member = await org.MemberAsync();
        fixture.Time.Advance(start - Now);
        return (org, grain, member, EventSetup.CallerOf(member));
    }

    /// <summary>Sends <paramref name="count"/> heartbeats, the clock moving <paramref name="every"/> before each.</summary>
    private async Task<List<HeartbeatResult>> BeatAsync(IEventGrain grain, IMemberGrain member, int count, TimeSpan every)
    {
        var results = new List<HeartbeatResult>();
        for (var i = 0; i < count; i++)
        {
            fixture.Time.Advance(every);
            results.Add(await grain.SendHeartbeatAsync(EventSetup.CallerOf(member), member.Id(), Org.Next("hb")));
        }

        return results;
    }

    [Fact]
    public async Task ThirtyMinutesOfHeartbeatsEveryMinuteAwardHalfThePointsOnce()
    {
        var (org, grain, member, caller) = await StreamingAsync();

        var start = await BeatAsync(grain, member, 1, TimeSpan.Zero);
        var beats = await BeatAsync(grain, member, 30, Minute);
        var more = await BeatAsync(grain, member, 10, Minute);

        Assert.Equal(0, start[0].CreditedSeconds);
        Assert.All(beats, b => Assert.Equal(60, b.CreditedSeconds));
        Assert.All(beats.SkipLast(1), b => Assert.Equal(0, b.PointsAwarded));
        Assert.Equal(5, beats[^1].PointsAwarded);
        Assert.Equal(LedgerEntryKind.EventRemote, beats[^1].Entry!.Kind);
        Assert.Equal(30, beats[^1].RemoteMinutes);
        Assert.All(more, b => Assert.Equal(0, b.PointsAwarded));
        Assert.Equal(5, (await member.GetBalanceAsync(caller)).Balance);
        var record = Assert.Single((await grain.ListAttendanceAsync(org.Secretary)).Attendees);
        Assert.Equal((40, 5L, (DateTimeOffset?)null), (record.RemoteMinutes, record.PointsAwarded, record.CheckedInAt));
    }

    [Fact]
    public async Task PausesLongerThanTwoMinutesAreNotCredited()
    {
        var (_, grain, member, caller) = await StreamingAsync();

        var steady = await BeatAsync(grain, member, 20, Minute);
        var first = steady[0];
        var afterPause = await BeatAsync(grain, member, 1, TimeSpan.FromMinutes(3));
        var atTheLimit = await BeatAsync(grain, member, 1, TimeSpan.FromMinutes(2));
        var resumed = await BeatAsync(grain, member, 9, Minute);

        Assert.Equal(0, first.CreditedSeconds);
        Assert.Equal(19, steady[^1].RemoteMinutes);
        Assert.Equal(0, afterPause[0].CreditedSeconds);
        Assert.Equal(120, atTheLimit[0].CreditedSeconds);
        Assert.Equal(30, resumed[^1].RemoteMinutes);
        Assert.Equal(5, resumed[^1].PointsAwarded);
        Assert.Equal(5, (await member.GetBalanceAsync(caller)).Balance);
    }

    [Fact]
    public async Task AMemberCheckedInOnSiteEarnsNoRemotePoints()
    {
        var (org, grain, member, caller) = await StreamingAsync();
        var code = (await grain.GetCheckInCodeAsync(org.Secretary)).Code;

        var onSite = await grain.CheckInAsync(caller, member.Id(), code, "on-site");
        var beats = await BeatAsync(grain, member, 40, Minute);

        Assert.Equal(10, onSite.PointsAwarded);
        Assert.Equal(39, beats[^1].RemoteMinutes);
        Assert.All(beats, b => Assert.Equal(0, b.PointsAwarded));
        Assert.Equal(10, (await member.GetBalanceAsync(caller)).Balance);
    }

    [Fact]
    public async Task AMemberWhoEarnedTheRemotePointsChecksInOnSiteWithoutEarningAgain()
    {
        var (org, grain, member, caller) = await StreamingAsync();

        await BeatAsync(grain, member, 31, Minute);
        var code = (await grain.GetCheckInCodeAsync(org.Secretary)).Code;
        var onSite = await grain.CheckInAsync(caller, member.Id(), code, "on-site");

        Assert.Equal(0, onSite.PointsAwarded);
        Assert.True(onSite.RemotePointsEarnedInstead);
        Assert.Null(onSite.Entry);
        Assert.Equal(5, (await member.GetBalanceAsync(caller)).Balance);
        Assert.Equal(1, (await member.GetBalanceAsync(caller)).LedgerEntries);
    }

    [Fact]
    public async Task ARetriedHeartbeatReturnsTheFirstResultAndCreditsNothingMore()
    {
        var (_, grain, member, caller) = await StreamingAsync();
        await grain.SendHeartbeatAsync(caller, member.Id(), "hb-1");
        fixture.Time.Advance(Minute);

        var first = await grain.SendHeartbeatAsync(caller, member.Id(), "hb-2");
        fixture.Time.Advance(TimeSpan.FromSeconds(10));
        var retry = await grain.SendHeartbeatAsync(caller, member.Id(), "hb-2");

        Assert.Equal(first, retry);
        Assert.Equal(1, (await grain.GetMemberViewAsync(member.Id())).RemoteMinutes);
    }

    [Fact]
    public async Task HeartbeatsCountOnlyForStreamedEventsAndOnlyWhileTheyRun()
    {
        var (_, notStreamed, member, caller) = await StreamingAsync(streamed: false);
        var (_, streamed, viewer, viewerCaller) = await StreamingAsync();

        var refused = await Assert.ThrowsAsync<EngagementException>(() => notStreamed.SendHeartbeatAsync(caller, member.Id(), "k"));
        fixture.Time.Advance(EventSetup.Length + TimeSpan.FromSeconds(1));
        var ended = await Assert.ThrowsAsync<EngagementException>(() => streamed.SendHeartbeatAsync(viewerCaller, viewer.Id(), "k"));

        Assert.Equal((ErrorKind.FailedPrecondition, ErrorReasons.EventNotStreamed), (refused.Kind, refused.Reason));
        Assert.Equal((ErrorKind.FailedPrecondition, ErrorReasons.EventEnded), (ended.Kind, ended.Reason));
        Assert.Equal(0, (await streamed.GetMemberViewAsync(viewer.Id())).RemoteMinutes);
    }
}
