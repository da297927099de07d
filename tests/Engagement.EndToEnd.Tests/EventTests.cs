using System.Net.Http.Headers;
using System.Text.Json;
using Engagement.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Engagement.EndToEnd;

[Collection(NodeCollection.Name)]
public sealed class EventTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    private DateTimeOffset Now => Node.Time.GetUtcNow();

    private EventService.EventServiceClient SecretaryOf(Seed seed) => Node.Events("secretary", new RoleGrant(Role.Secretary, seed.Branch));

    /// <summary>A request for a two-hour event of the seed's branch starting in <paramref name="startsIn"/>.</summary>
    private PublishEventRequest BranchEvent(Seed seed, TimeSpan startsIn, bool streamed = false, long? points = null)
    {
        var request = new PublishEventRequest
        {
            EventId = Seed.Next("ev"),
            BranchId = seed.Branch,
            Title = "主题党日：走进张江科学城",
            Place = "张江科学会堂 201",
            StartTime = Timestamp.FromDateTimeOffset(Now + startsIn),
            EndTime = Timestamp.FromDateTimeOffset(Now + startsIn + TimeSpan.FromHours(2)),
            Capacity = 30,
            Streamed = streamed,
            IdempotencyKey = Seed.Next("k"),
        };
        if (points is { } value)
        {
            request.Points = value;
        }

        return request;
    }

    /// <summary>Moves the shared fake clock to <paramref name="ev"/>'s start.</summary>
    private void AdvanceTo(V1.Event ev) => Node.Time.Advance(ev.StartTime.ToDateTimeOffset() - Now);

    /// <summary>A verified member of a new branch of the seed's committee; returns the branch and the member's id.</summary>
    private static async Task<(string Branch, string Member)> MemberOfAnotherBranchAsync(Seed seed)
    {
        var (branch, secretary) = await seed.SecondBranchAsync();
        var member = Seed.Next("m");
        await secretary.Organization.RegisterMemberAsync(new RegisterMemberRequest { BranchId = branch, MemberId = member, DisplayName = "李华", IdempotencyKey = Seed.Next("k") });
        await secretary.Organization.VerifyMemberAsync(new VerifyMemberRequest { MemberId = member, IdempotencyKey = Seed.Next("k") });
        return (branch, member);
    }

    [Fact]
    public async Task AMemberRsvpsAndChecksInWithTheOrganisersCodeAndEarnsTheEventsPoints()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, member) = await seed.MemberAsync();
        var events = Node.MemberEvents(id);
        var published = (await SecretaryOf(seed).PublishEventAsync(BranchEvent(seed, TimeSpan.FromHours(1)))).Event;

        var upcoming = await events.ListUpcomingEventsAsync(new ListUpcomingEventsRequest());
        var rsvp = await events.RsvpAsync(new RsvpRequest { EventId = published.EventId, IdempotencyKey = "rsvp" });
        AdvanceTo(published);
        var code = await SecretaryOf(seed).GetCheckInCodeAsync(new GetCheckInCodeRequest { EventId = published.EventId });
        var checkIn = await events.CheckInToEventAsync(new CheckInToEventRequest { EventId = published.EventId, Code = code.Code, IdempotencyKey = "check-in" });
        var balance = await member.Points.GetBalanceAsync(new GetBalanceRequest());
        var ledger = await member.Points.ListLedgerAsync(new ListLedgerRequest());
        var attendance = await SecretaryOf(seed).ListAttendanceAsync(new ListAttendanceRequest { EventId = published.EventId });

        var listed = Assert.Single(upcoming.Events);
        Assert.Equal(published, listed.Event);
        Assert.Equal((0, false), (listed.RsvpCount, listed.Rsvped));
        Assert.Equal((1, true), (rsvp.Event.RsvpCount, rsvp.Event.Rsvped));
        Assert.Equal(5, published.Points);
        Assert.Equal(30, code.RotationSeconds);
        Assert.Equal(5, checkIn.PointsAwarded);
        Assert.Equal(5, balance.Balance);
        var entry = Assert.Single(ledger.Entries);
        Assert.Equal(V1.LedgerEntryKind.EventOnSite, entry.Kind);
        Assert.Equal(checkIn.Entry, entry);
        var attendee = Assert.Single(attendance.Attendees);
        Assert.Equal((id, "王小明", true, 5L), (attendee.MemberId, attendee.DisplayName, attendee.Rsvped, attendee.PointsAwarded));
        Assert.Equal(checkIn.CheckInTime, attendee.CheckInTime);
        Assert.Equal((1, 1), (attendance.RsvpCount, attendance.CheckedInCount));
    }

    [Fact]
    public async Task AStaleCodeIsRefusedAndEarnsNothing()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, member) = await seed.MemberAsync();
        var published = (await SecretaryOf(seed).PublishEventAsync(BranchEvent(seed, TimeSpan.FromMinutes(10)))).Event;
        AdvanceTo(published);
        var code = await SecretaryOf(seed).GetCheckInCodeAsync(new GetCheckInCodeRequest { EventId = published.EventId });

        Node.Time.Advance(TimeSpan.FromSeconds(60));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, ErrorReasons.CheckInCodeInvalid,
            () => Node.MemberEvents(id).CheckInToEventAsync(new CheckInToEventRequest { EventId = published.EventId, Code = code.Code, IdempotencyKey = "k" }));

        Assert.Equal(0, (await member.Points.GetBalanceAsync(new GetBalanceRequest())).Balance);
        Assert.Empty((await SecretaryOf(seed).ListAttendanceAsync(new ListAttendanceRequest { EventId = published.EventId })).Attendees);
    }

    [Fact]
    public async Task AMemberOfAnotherBranchNeitherSeesNorRsvpsABranchEvent()
    {
        var seed = await Seed.CreateAsync(Node);
        var (_, outsider) = await MemberOfAnotherBranchAsync(seed);
        var published = (await SecretaryOf(seed).PublishEventAsync(BranchEvent(seed, TimeSpan.FromHours(1)))).Event;
        var events = Node.MemberEvents(outsider);

        var upcoming = await events.ListUpcomingEventsAsync(new ListUpcomingEventsRequest { MemberId = outsider });
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => events.RsvpAsync(new RsvpRequest { EventId = published.EventId, IdempotencyKey = "k" }));

        Assert.Empty(upcoming.Events);
        Assert.Equal(0, (await SecretaryOf(seed).ListAttendanceAsync(new ListAttendanceRequest { EventId = published.EventId })).RsvpCount);
    }

    [Fact]
    public async Task AMemberCannotReadTheCheckInCodeOrTheAttendance()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, _) = await seed.MemberAsync();
        var published = (await SecretaryOf(seed).PublishEventAsync(BranchEvent(seed, TimeSpan.FromHours(1)))).Event;
        var events = Node.MemberEvents(id);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => events.GetCheckInCodeAsync(new GetCheckInCodeRequest { EventId = published.EventId }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => events.ListAttendanceAsync(new ListAttendanceRequest { EventId = published.EventId }));
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.EventNotFound,
            () => events.RsvpAsync(new RsvpRequest { EventId = "no-such-event", IdempotencyKey = "k" }));
    }

    [Fact]
    public async Task ACommitteeLeadersEventReachesMembersOfEveryBranchOfTheCommittee()
    {
        var seed = await Seed.CreateAsync(Node);
        var (home, _) = await seed.MemberAsync();
        var (_, neighbour) = await MemberOfAnotherBranchAsync(seed);
        var leader = Node.Events("leader", new RoleGrant(Role.CommitteeLeader, seed.Committee));
        var request = BranchEvent(seed, TimeSpan.FromDays(1));
        request.BranchId = "";
        request.CommitteeId = seed.Committee;

        var published = (await leader.PublishEventAsync(request)).Event;
        var retried = (await leader.PublishEventAsync(request)).Event;
        var seen = await Task.WhenAll(
            Node.MemberEvents(home).ListUpcomingEventsAsync(new ListUpcomingEventsRequest()).ResponseAsync,
            Node.MemberEvents(neighbour).ListUpcomingEventsAsync(new ListUpcomingEventsRequest()).ResponseAsync);
        var rsvp = await Node.MemberEvents(neighbour).RsvpAsync(new RsvpRequest { EventId = published.EventId, IdempotencyKey = "k" });

        Assert.Equal(published, retried);
        Assert.Equal(("", seed.Committee), (published.BranchId, published.CommitteeId));
        Assert.All(seen, list => Assert.Equal(published.EventId, Assert.Single(list.Events).Event.EventId));
        Assert.True(rsvp.Event.Rsvped);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => SecretaryOf(seed).PublishEventAsync(request));
    }

    [Fact]
    public async Task WatchingTheLiveStreamForThirtyMinutesEarnsTheRemotePoints()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, member) = await seed.MemberAsync();
        var published = (await SecretaryOf(seed).PublishEventAsync(BranchEvent(seed, TimeSpan.FromMinutes(5), streamed: true, points: 10))).Event;
        var events = Node.MemberEvents(id);
        AdvanceTo(published);

        var beats = new List<SendHeartbeatResponse>();
        for (var minute = 0; minute <= 30; minute++)
        {
            beats.Add(await events.SendHeartbeatAsync(new SendHeartbeatRequest { EventId = published.EventId, IdempotencyKey = $"hb-{minute}" }));
            Node.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var ledger = await member.Points.ListLedgerAsync(new ListLedgerRequest());
        Assert.Equal(5, published.RemotePoints);
        Assert.All(beats.SkipLast(1), b => Assert.Equal(0, b.PointsAwarded));
        Assert.Equal((30, 30, 5L), (beats[^1].RemoteMinutes, beats[^1].RequiredMinutes, beats[^1].PointsAwarded));
        var entry = Assert.Single(ledger.Entries);
        Assert.Equal((V1.LedgerEntryKind.EventRemote, 5L), (entry.Kind, entry.Amount));
        Assert.Equal(5, (await member.Points.GetBalanceAsync(new GetBalanceRequest())).Balance);
    }

    [Fact]
    public async Task ABadlyShapedEventIsRejectedNamingEveryField()
    {
        var seed = await Seed.CreateAsync(Node);
        var request = BranchEvent(seed, TimeSpan.FromHours(1), points: 5000);
        request.CommitteeId = seed.Committee;
        request.Title = " ";
        request.EndTime = request.StartTime;
        request.Capacity = 0;

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => SecretaryOf(seed).PublishEventAsync(request));

        Assert.Equal(["title", "branch_id", "end_time", "capacity", "points"], RpcAssert.ViolatedFields(error));
    }

    [Fact]
    public async Task AMemberListsUpcomingEventsAndRsvpsWithPlainJson()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, _) = await seed.MemberAsync();
        var published = (await SecretaryOf(seed).PublishEventAsync(BranchEvent(seed, TimeSpan.FromHours(1)))).Event;
        using var http = new HttpClient { BaseAddress = Node.HttpAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Node.Token(id, new RoleGrant(Role.Member, id)));

        using var rsvp = await http.PostAsync($"/v1/events/{published.EventId}:rsvp",
            new StringContent("""{"idempotencyKey":"json-rsvp"}""", System.Text.Encoding.UTF8, "application/json"));
        var listed = JsonDocument.Parse(await http.GetStringAsync($"/v1/members/{id}/events")).RootElement.GetProperty("events")[0];

        Assert.True(rsvp.IsSuccessStatusCode);
        Assert.Equal(published.EventId, listed.GetProperty("event").GetProperty("eventId").GetString());
        Assert.Equal(published.Title, listed.GetProperty("event").GetProperty("title").GetString());
        Assert.True(listed.GetProperty("rsvped").GetBoolean());
        Assert.Equal(1, listed.GetProperty("rsvpCount").GetInt32());
    }
}
