namespace Engagement.Tests;

/// <summary>On-site check-in with the rotating code.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EventCheckInTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    private DateTimeOffset Now => fixture.Time.GetUtcNow();

    /// <summary>A branch event that starts now (the clock moved to its start), with <paramref name="points"/>.</summary>
    private async Task<(Org Org, IEventGrain Event)> RunningEventAsync(long? points = null)
    {
        var org = await new Org(_grains).CreateAsync();
        var start = Now.AddMinutes(30);
        var grain = await EventSetup.PublishAsync(_grains, org, EventSetup.BranchEvent(org, start, points: points));
        fixture.Time.Advance(start - Now);
        return (org, grain);
    }

    [Fact]
    public async Task TheCodeRotatesEvery30SecondsAndThePreviousCodeStillWorksButNotTheOneBefore()
    {
        var (org, grain) = await RunningEventAsync();
        var (a, b) = (await org.MemberAsync(), await org.MemberAsync());

        var first = await grain.GetCheckInCodeAsync(org.Secretary);
        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        var second = await grain.GetCheckInCodeAsync(org.Secretary);
        var withPrevious = await grain.CheckInAsync(EventSetup.CallerOf(a), a.Id(), first.Code, "a");
        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        var stale = await Assert.ThrowsAsync<EngagementException>(() => grain.CheckInAsync(EventSetup.CallerOf(b), b.Id(), first.Code, "b"));

        Assert.Matches("^[0-9]{6}$", first.Code);
        Assert.NotEqual(first.Code, second.Code);
        Assert.Equal(first.ExpiresAt.AddSeconds(30), second.ExpiresAt);
        Assert.Equal(5, withPrevious.PointsAwarded);
        Assert.Equal(ErrorKind.FailedPrecondition, stale.Kind);
        Assert.Equal(ErrorReasons.CheckInCodeInvalid, stale.Reason);
        Assert.DoesNotContain(first.Code, stale.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await b.GetBalanceAsync(EventSetup.CallerOf(b))).Balance);
    }

    [Fact]
    public async Task AtTheDoorManyMembersCheckInAtOnceEachIsPaidOnceAndARepeatedScanIsNotPaidAgain()
    {
        var (org, grain) = await RunningEventAsync();
        var members = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => org.MemberAsync()));
        var code = (await grain.GetCheckInCodeAsync(org.Secretary)).Code;

        // Everyone at once, and every member scans twice (different keys, as two taps of the app would send).
        var results = await Task.WhenAll(members.SelectMany(m => new[] { "tap-1", "tap-2" }.Select(key =>
            grain.CheckInAsync(EventSetup.CallerOf(m), m.Id(), code, $"{m.Id()}-{key}"))));
        var balances = await Task.WhenAll(members.Select(async m => (await m.GetBalanceAsync(EventSetup.CallerOf(m))).Balance));
        var attendance = await grain.ListAttendanceAsync(org.Secretary);

        Assert.All(members, m => Assert.Single(results, r => r.MemberId == m.Id() && !r.AlreadyCheckedIn));
        Assert.All(balances, balance => Assert.Equal(5, balance));
        Assert.Equal(members.Select(m => m.Id()).Order(StringComparer.Ordinal), attendance.Attendees.Select(a => a.MemberId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SeatsTakenAtOnceNeverExceedTheCapacity()
    {
        var org = await new Org(_grains).CreateAsync();
        var grain = await EventSetup.PublishAsync(_grains, org, EventSetup.BranchEvent(org, Now.AddHours(1), capacity: 5));
        var members = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => org.MemberAsync()));

        var outcomes = await Task.WhenAll(members.Select(async m =>
        {
            try
            {
                return (await grain.RsvpAsync(EventSetup.CallerOf(m), m.Id(), "seat")).Rsvped;
            }
            catch (EngagementException e) when (e.Reason == ErrorReasons.EventFull)
            {
                return false;
            }
        }));
        var view = await grain.GetMemberViewAsync(members[0].Id());

        Assert.Equal(5, outcomes.Count(taken => taken));
        Assert.Equal(5, view.RsvpCount);
    }

    [Fact]
    public async Task CheckingInBeforeTheStartOrAfterTheEndFailsAndChangesNothing()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var caller = EventSetup.CallerOf(member);
        var start = Now.AddHours(1);
        var grain = await EventSetup.PublishAsync(_grains, org, EventSetup.BranchEvent(org, start));

        var early = await Assert.ThrowsAsync<EngagementException>(async () =>
            await grain.CheckInAsync(caller, member.Id(), (await grain.GetCheckInCodeAsync(org.Secretary)).Code, "early"));
        fixture.Time.Advance(start + EventSetup.Length - Now + TimeSpan.FromSeconds(1));
        var late = await Assert.ThrowsAsync<EngagementException>(() => grain.CheckInAsync(caller, member.Id(), "000000", "late"));

        Assert.Equal(ErrorReasons.EventNotStarted, early.Reason);
        Assert.Equal(ErrorReasons.EventEnded, late.Reason);
        Assert.All([early, late], e => Assert.Equal(ErrorKind.FailedPrecondition, e.Kind));
        Assert.Empty((await grain.ListAttendanceAsync(org.Secretary)).Attendees);
        Assert.Equal(0, (await member.GetBalanceAsync(caller)).LedgerEntries);
    }

    [Fact]
    public async Task ACheckInAwardsTheEventsPointsOnceAndASecondCheckInReturnsTheFirst()
    {
        var (org, grain) = await RunningEventAsync(points: 8);
        var member = await org.MemberAsync();
        var caller = EventSetup.CallerOf(member);
        var code = (await grain.GetCheckInCodeAsync(org.Secretary)).Code;

        var first = await grain.CheckInAsync(caller, member.Id(), code, "first");
        var retry = await grain.CheckInAsync(caller, member.Id(), code, "first");
        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await grain.CheckInAsync(caller, member.Id(), "123456", "second");

        Assert.Equal(8, first.PointsAwarded);
        Assert.Equal(LedgerEntryKind.EventOnSite, first.Entry!.Kind);
        Assert.Equal(first, retry);
        Assert.True(second.AlreadyCheckedIn);
        Assert.Equal(0, second.PointsAwarded);
        Assert.Equal(first.CheckedInAt, second.CheckedInAt);
        Assert.Equal(8, (await member.GetBalanceAsync(caller)).Balance);
    }

    [Fact]
    public async Task AWalkInWithoutAnRsvpChecksInAndIsListedInTheAttendance()
    {
        var (org, grain) = await RunningEventAsync();
        var (seated, walkIn) = (await org.MemberAsync(), await org.MemberAsync());
        await grain.RsvpAsync(EventSetup.CallerOf(seated), seated.Id(), "r");
        var code = (await grain.GetCheckInCodeAsync(org.Secretary)).Code;

        await grain.CheckInAsync(EventSetup.CallerOf(walkIn), walkIn.Id(), code, "c");
        var attendance = await grain.ListAttendanceAsync(EventSetup.Leader(org));

        Assert.Collection(attendance.Attendees,
            r => Assert.Equal((seated.Id(), true, false, 0L), (r.MemberId, r.RsvpAt is not null, r.CheckedInAt is not null, r.PointsAwarded)),
            r => Assert.Equal((walkIn.Id(), false, true, 5L), (r.MemberId, r.RsvpAt is not null, r.CheckedInAt is not null, r.PointsAwarded)));
        Assert.Equal(("张三", org.Branch), (attendance.Attendees[1].DisplayName, attendance.Attendees[1].BranchId));
    }

    [Fact]
    public async Task OnlyOrganisersReadTheCodeAndTheAttendance()
    {
        var (org, grain) = await RunningEventAsync();
        var member = await org.MemberAsync();
        var leaderOfAnother = Org.As("leader2", new RoleGrant(Role.CommitteeLeader, Org.Next("com")));

        var memberCode = await Assert.ThrowsAsync<EngagementException>(() => grain.GetCheckInCodeAsync(EventSetup.CallerOf(member)));
        var memberList = await Assert.ThrowsAsync<EngagementException>(() => grain.ListAttendanceAsync(EventSetup.CallerOf(member)));
        var strangerList = await Assert.ThrowsAsync<EngagementException>(() => grain.ListAttendanceAsync(leaderOfAnother));

        Assert.All([memberCode, memberList], e => Assert.Equal(ErrorKind.PermissionDenied, e.Kind));
        // A leader of a committee that is not in the event's park has no role there: the event is unknown to them.
        Assert.Equal((ErrorKind.NotFound, ErrorReasons.EventNotFound), (strangerList.Kind, strangerList.Reason));
        Assert.Matches("^[0-9]{6}$", (await grain.GetCheckInCodeAsync(org.Admin)).Code);
    }

    [Fact]
    public async Task FiveWrongCodesInARowLockCheckInForTenMinutes()
    {
        var (org, grain) = await RunningEventAsync();
        var member = await org.MemberAsync();
        var caller = EventSetup.CallerOf(member);
        var code = (await grain.GetCheckInCodeAsync(org.Secretary)).Code;
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < EventLimits.MaxWrongCodes; i++)
        {
            await Assert.ThrowsAsync<EngagementException>(() => grain.CheckInAsync(caller, member.Id(), wrong, $"w{i}"));
        }

        var locked = await Assert.ThrowsAsync<EngagementException>(() => grain.CheckInAsync(caller, member.Id(), code, "right"));
        fixture.Time.Advance(EventLimits.WrongCodeWindow);
        var fresh = (await grain.GetCheckInCodeAsync(org.Secretary)).Code;
        var checkedIn = await grain.CheckInAsync(caller, member.Id(), fresh, "right");

        Assert.Equal(ErrorKind.ResourceExhausted, locked.Kind);
        Assert.Equal(ErrorReasons.CheckInAttemptsExceeded, locked.Reason);
        Assert.Equal(5, checkedIn.PointsAwarded);
    }
}
