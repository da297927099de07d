namespace Engagement.Tests;

/// <summary>Publishing events, listing them and RSVPs.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EventTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    private DateTimeOffset Now => fixture.Time.GetUtcNow();

    [Fact]
    public async Task ASecretaryPublishesWithTheRulesDefaultPointsAndARetryReturnsTheFirstEvent()
    {
        var org = await new Org(_grains).CreateAsync();
        var grain = _grains.GetGrain<IEventGrain>(Org.Next("ev"));
        var draft = EventSetup.BranchEvent(org, Now.AddHours(1), streamed: true);

        var published = await grain.PublishAsync(org.Secretary, draft, "publish-1");
        var retry = await grain.PublishAsync(org.Secretary, draft, "publish-1");
        var changed = await Assert.ThrowsAsync<EngagementException>(() => grain.PublishAsync(org.Secretary, draft with { Title = "changed" }, "publish-1"));
        var taken = await Assert.ThrowsAsync<EngagementException>(() => grain.PublishAsync(org.Secretary, draft, "publish-2"));

        Assert.Equal(5, published.Points);
        Assert.Equal(2, published.RemotePoints);
        Assert.Equal(30, published.RemoteMinutes);
        Assert.Equal(org.Committee, published.CommitteeId);
        Assert.Equal(org.Park, published.ParkId);
        Assert.Equal(published, retry);
        Assert.Equal(ErrorReasons.EventExists, changed.Reason);
        Assert.Equal(ErrorKind.AlreadyExists, taken.Kind);
        Assert.Equal(ErrorReasons.EventExists, taken.Reason);
    }

    [Fact]
    public async Task OnlyTheOrganisersOfTheBranchOrCommitteePublishAndARefusalCreatesNothing()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var grain = _grains.GetGrain<IEventGrain>(Org.Next("ev"));
        var otherSecretary = Org.As("sec2", new RoleGrant(Role.Secretary, await EventSetup.BranchAsync(_grains, org)));

        var byMember = await Assert.ThrowsAsync<EngagementException>(() =>
            grain.PublishAsync(EventSetup.CallerOf(member), EventSetup.BranchEvent(org, Now.AddHours(1)), "k"));
        var byOtherSecretary = await Assert.ThrowsAsync<EngagementException>(() =>
            grain.PublishAsync(otherSecretary, EventSetup.BranchEvent(org, Now.AddHours(1)), "k"));
        var secretaryForCommittee = await Assert.ThrowsAsync<EngagementException>(() =>
            grain.PublishAsync(org.Secretary, EventSetup.CommitteeEvent(org, Now.AddHours(1)), "k"));
        var byAdmin = await grain.PublishAsync(org.Admin, EventSetup.CommitteeEvent(org, Now.AddHours(1)), "k");

        Assert.All([byMember, byOtherSecretary, secretaryForCommittee], e => Assert.Equal(ErrorKind.PermissionDenied, e.Kind));
        Assert.Null(byAdmin.BranchId);
        Assert.Equal("admin", byAdmin.PublishedBy);
    }

    [Fact]
    public async Task AnEventThatHasAlreadyEndedOrIsBadlyShapedIsRejected()
    {
        var org = await new Org(_grains).CreateAsync();
        var grain = _grains.GetGrain<IEventGrain>(Org.Next("ev"));

        var ended = await Assert.ThrowsAsync<EngagementException>(() =>
            grain.PublishAsync(org.Secretary, EventSetup.BranchEvent(org, Now.AddHours(-3)), "k"));
        var tooLong = await Assert.ThrowsAsync<EngagementException>(() =>
            grain.PublishAsync(org.Secretary, EventSetup.BranchEvent(org, Now.AddHours(1)) with { EndsAt = Now.AddDays(9) }, "k"));

        Assert.Equal("end_time", Assert.Single(ended.Violations).Field);
        Assert.Equal("end_time", Assert.Single(tooLong.Violations).Field);
        var missing = await Assert.ThrowsAsync<EngagementException>(() => grain.GetMemberViewAsync("m"));
        Assert.Equal(ErrorReasons.EventNotFound, missing.Reason);
    }

    [Fact]
    public async Task AnEventsOverviewIsForThoseWhoListItsCalendarAndShowsNobodysOwnPart()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var grain = await EventSetup.PublishAsync(_grains, org, EventSetup.BranchEvent(org, Now.AddHours(1)));
        await grain.RsvpAsync(EventSetup.CallerOf(member), member.Id(), "rsvp-1");

        var bySecretary = await grain.GetOverviewAsync(org.Secretary);
        var byLeader = await grain.GetOverviewAsync(EventSetup.Leader(org));
        var byMember = await Assert.ThrowsAsync<EngagementException>(() => grain.GetOverviewAsync(EventSetup.CallerOf(member)));
        var byStranger = await Assert.ThrowsAsync<EngagementException>(() => grain.GetOverviewAsync(Org.As("stranger", new RoleGrant(Role.ParkAdmin, "elsewhere"))));

        Assert.Equal(1, bySecretary.RsvpCount);
        Assert.False(bySecretary.Rsvped);
        Assert.Equal(bySecretary, byLeader);
        Assert.Equal(ErrorKind.PermissionDenied, byMember.Kind);
        Assert.Equal(ErrorReasons.EventNotFound, byStranger.Reason);
    }

    [Fact]
    public async Task MembersListUpcomingEventsOfTheirBranchAndCommitteeSoonestFirst()
    {
        var org = await new Org(_grains).CreateAsync();
        var other = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var later = await EventSetup.PublishAsync(_grains, org, EventSetup.BranchEvent(org, Now.AddDays(2)));
        var sooner = await EventSetup.PublishAsync(_grains, org, EventSetup.CommitteeEvent(org, Now.AddHours(1)), EventSetup.Leader(org));
        var endsToday = await EventSetup.PublishAsync(_grains, org, EventSetup.BranchEvent(org, Now.AddMinutes(10)));
        await EventSetup.PublishAsync(_grains, other, EventSetup.BranchEvent(other, Now.AddHours(1)));
        var events = _grains.GetGrain<IMemberEventsGrain>(member.Id());

        var before = (await events.ListUpcomingAsync(EventSetup.CallerOf(member), 100, null)).Items;
        fixture.Time.Advance(TimeSpan.FromHours(3));
        var after = (await events.ListUpcomingAsync(EventSetup.CallerOf(member), 100, null)).Items;
        var snoop = await Assert.ThrowsAsync<EngagementException>(() => events.ListUpcomingAsync(org.Secretary, 100, null));

        Assert.Equal([endsToday.GetPrimaryKeyString(), sooner.GetPrimaryKeyString(), later.GetPrimaryKeyString()], before.Select(v => v.Event.EventId));
        Assert.Equal([later.GetPrimaryKeyString()], after.Select(v => v.Event.EventId));
        Assert.Equal(ErrorKind.PermissionDenied, snoop.Kind);
    }

    [Fact]
    public async Task AnRsvpPastCapacityFailsAndACancelFreesTheSeat()
    {
        var org = await new Org(_grains).CreateAsync();
        var grain = await EventSetup.PublishAsync(_grains, org, EventSetup.BranchEvent(org, Now.AddHours(1), capacity: 2));
        var (a, b, c) = (await org.MemberAsync(), await org.MemberAsync(), await org.MemberAsync());

        await grain.RsvpAsync(EventSetup.CallerOf(a), a.Id(), "a-1");
        var again = await grain.RsvpAsync(EventSetup.CallerOf(a), a.Id(), "a-2");
        await grain.RsvpAsync(EventSetup.CallerOf(b), b.Id(), "b-1");
        var full = await Assert.ThrowsAsync<EngagementException>(() => grain.RsvpAsync(EventSetup.CallerOf(c), c.Id(), "c-1"));
        var cancelled = await grain.CancelRsvpAsync(EventSetup.CallerOf(b), b.Id(), "b-2");
        var seated = await grain.RsvpAsync(EventSetup.CallerOf(c), c.Id(), "c-1");
        var lateRetry = await grain.RsvpAsync(EventSetup.CallerOf(b), b.Id(), "b-1");

        Assert.True(again.Rsvped);
        Assert.Equal(1, again.RsvpCount);
        Assert.Equal(ErrorKind.FailedPrecondition, full.Kind);
        Assert.Equal(ErrorReasons.EventFull, full.Reason);
        Assert.False(cancelled.Rsvped);
        Assert.Equal(1, cancelled.RsvpCount);
        Assert.True(seated.Rsvped);
        Assert.Equal(2, seated.RsvpCount);
        Assert.False(lateRetry.Rsvped);
        var attendance = await grain.ListAttendanceAsync(org.Secretary);
        Assert.Equal([a.Id(), c.Id()], attendance.Attendees.Select(r => r.MemberId));
    }

    [Fact]
    public async Task MembersOfOtherBranchesCannotRsvpABranchEventButCanACommitteeEvent()
    {
        var org = await new Org(_grains).CreateAsync();
        var neighbour = await EventSetup.MemberOfAsync(_grains, org, await EventSetup.BranchAsync(_grains, org));
        var branchEvent = await EventSetup.PublishAsync(_grains, org, EventSetup.BranchEvent(org, Now.AddHours(1)));
        var committeeEvent = await EventSetup.PublishAsync(_grains, org, EventSetup.CommitteeEvent(org, Now.AddHours(1)), EventSetup.Leader(org));

        var denied = await Assert.ThrowsAsync<EngagementException>(() =>
            branchEvent.RsvpAsync(EventSetup.CallerOf(neighbour), neighbour.Id(), "k"));
        var seated = await committeeEvent.RsvpAsync(EventSetup.CallerOf(neighbour), neighbour.Id(), "k");

        Assert.Equal(ErrorKind.PermissionDenied, denied.Kind);
        Assert.True(seated.Rsvped);
        Assert.Empty((await branchEvent.ListAttendanceAsync(org.Secretary)).Attendees);
    }

    [Fact]
    public async Task AnUnverifiedMemberCannotTakePartAndNothingIsStored()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync(verified: false);
        var caller = EventSetup.CallerOf(member);
        var start = Now.AddMinutes(5);
        var grain = await EventSetup.PublishAsync(_grains, org, EventSetup.BranchEvent(org, start, streamed: true));
        fixture.Time.Advance(start - Now);
        var code = (await grain.GetCheckInCodeAsync(org.Secretary)).Code;

        var failures = new[]
        {
            await Assert.ThrowsAsync<EngagementException>(() => grain.RsvpAsync(caller, member.Id(), "k1")),
            await Assert.ThrowsAsync<EngagementException>(() => grain.CheckInAsync(caller, member.Id(), code, "k2")),
            await Assert.ThrowsAsync<EngagementException>(() => grain.SendHeartbeatAsync(caller, member.Id(), "k3")),
        };

        Assert.All(failures, e => Assert.Equal(ErrorReasons.MemberNotVerified, e.Reason));
        Assert.Empty((await grain.ListAttendanceAsync(org.Secretary)).Attendees);
        Assert.Equal(0, (await member.GetBalanceAsync(caller)).LedgerEntries);
    }
}
