using Engagement.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Engagement.EndToEnd;

/// <summary>
/// The history lists apps are built on (a member's redemptions, a counter's day, an organiser's events, the upcoming
/// events, a sender's notices): paged without repeats or gaps, only for those allowed, and refusing another list's token.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class HistoryListTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    private DateTimeOffset Now => Node.Time.GetUtcNow();

    [Fact]
    public async Task AMemberPagesThroughTheirOwnRedemptionsNewestFirstWithTheirStatus()
    {
        var seed = await Seed.CreateAsync(Node);
        var counter = await Counter.OpenAsync(seed);
        var (_, member) = await counter.CustomerAsync(100);
        var (_, neighbour) = await counter.CustomerAsync(100);
        var started = new List<Redemption>();
        for (var i = 0; i < 5; i++)
        {
            started.Add(await counter.StartAsync(member));
        }

        await counter.StartAsync(neighbour);
        await Confirm(counter, started[1]);
        await member.Redemptions.CancelRedemptionAsync(new CancelRedemptionRequest { RedemptionId = started[3].RedemptionId, IdempotencyKey = "cancel" });

        var pages = await PagesAsync(token => member.Redemptions.ListRedemptionsAsync(new ListRedemptionsRequest { PageSize = 2, PageToken = token }).ResponseAsync,
            r => r.NextPageToken);
        var listed = pages.SelectMany(p => p.Redemptions).ToList();
        var cancelledOnly = await member.Redemptions.ListRedemptionsAsync(new ListRedemptionsRequest { Status = V1.RedemptionStatus.Cancelled });

        Assert.Equal([2, 2, 1], pages.Select(p => p.Redemptions.Count));
        Assert.Equal(started.Select(r => r.RedemptionId).Reverse(), listed.Select(r => r.RedemptionId));
        Assert.Equal(
            [V1.RedemptionStatus.Pending, V1.RedemptionStatus.Cancelled, V1.RedemptionStatus.Pending, V1.RedemptionStatus.Completed, V1.RedemptionStatus.Pending],
            listed.Select(r => r.Status));
        Assert.All(listed, r => Assert.Equal(("", ""), (r.Code, r.QrPayload)));
        Assert.Equal(started[3].RedemptionId, Assert.Single(cancelledOnly.Redemptions).RedemptionId);
    }

    [Fact]
    public async Task AMerchantsStaffPageThroughTodaysCounterAndFilterByStatus()
    {
        var seed = await Seed.CreateAsync(Node);
        var counter = await Counter.OpenAsync(seed);
        var other = await Counter.OpenAsync(seed);
        var started = new List<Redemption>();
        for (var i = 0; i < 3; i++)
        {
            var (_, customer) = await counter.CustomerAsync(100);
            started.Add(await counter.StartAsync(customer));
        }

        var (_, elsewhere) = await other.CustomerAsync(100);
        await other.StartAsync(elsewhere);
        await Confirm(counter, started[0]);
        await Confirm(counter, started[2]);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var pages = await PagesAsync(token => counter.Staff.Redemptions.ListRedemptionsAsync(new ListRedemptionsRequest
        {
            MerchantId = counter.MerchantId, PageSize = 2, PageToken = token,
        }).ResponseAsync, r => r.NextPageToken);
        var completed = await counter.Staff.Redemptions.ListRedemptionsAsync(new ListRedemptionsRequest
        {
            MerchantId = counter.MerchantId, Day = today, Status = V1.RedemptionStatus.Completed,
        });
        var yesterday = await counter.Staff.Redemptions.ListRedemptionsAsync(new ListRedemptionsRequest
        {
            MerchantId = counter.MerchantId, Day = DateOnly.ParseExact(today, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal([today, today], pages.Select(p => p.Day));
        Assert.Equal(started.Select(r => r.RedemptionId).Reverse(), pages.SelectMany(p => p.Redemptions).Select(r => r.RedemptionId));
        Assert.Equal([started[2].RedemptionId, started[0].RedemptionId], completed.Redemptions.Select(r => r.RedemptionId));
        Assert.Equal("王小明", completed.Redemptions[0].MemberDisplayName);
        Assert.Empty(yesterday.Redemptions);
    }

    [Fact]
    public async Task OnlyTheMemberAndTheMerchantsStaffListRedemptions()
    {
        var seed = await Seed.CreateAsync(Node);
        var counter = await Counter.OpenAsync(seed);
        var other = await Counter.OpenAsync(seed);
        var (_, member) = await counter.CustomerAsync(100);
        await counter.StartAsync(member);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => other.Staff.Redemptions.ListRedemptionsAsync(new ListRedemptionsRequest { MerchantId = counter.MerchantId }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => member.Redemptions.ListRedemptionsAsync(new ListRedemptionsRequest { MerchantId = counter.MerchantId }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => seed.Admin.Redemptions.ListRedemptionsAsync(new ListRedemptionsRequest { MerchantId = counter.MerchantId }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => counter.Staff.Redemptions.ListRedemptionsAsync(new ListRedemptionsRequest()));
        var (_, stranger) = await seed.MemberAsync();
        Assert.Empty((await stranger.Redemptions.ListRedemptionsAsync(new ListRedemptionsRequest())).Redemptions);
    }

    [Fact]
    public async Task OrganisersPageThroughTheirEventsAndMembersPageThroughUpcomingOnes()
    {
        var seed = await Seed.CreateAsync(Node);
        var (memberId, _) = await seed.MemberAsync();
        var secretary = Node.Events("secretary", new RoleGrant(Role.Secretary, seed.Branch));
        var leader = Node.Events("leader", new RoleGrant(Role.CommitteeLeader, seed.Committee));
        var published = new List<V1.Event>();
        foreach (var hours in new[] { 5, 1, 3, 2, 4 })
        {
            published.Add((await secretary.PublishEventAsync(BranchEvent(seed, TimeSpan.FromHours(hours)))).Event);
        }

        var committeeEvent = (await leader.PublishEventAsync(BranchEvent(seed, TimeSpan.FromMinutes(30), committee: true))).Event;
        await Node.MemberEvents(memberId).RsvpAsync(new RsvpRequest { EventId = published[0].EventId, IdempotencyKey = "rsvp" });

        var organised = await PagesAsync(token => secretary.ListEventsAsync(new ListEventsRequest { BranchId = seed.Branch, PageSize = 2, PageToken = token }).ResponseAsync,
            r => r.NextPageToken);
        var byLeader = await leader.ListEventsAsync(new ListEventsRequest { BranchId = seed.Branch, PageSize = 200 });
        var upcoming = await PagesAsync(token => Node.MemberEvents(memberId).ListUpcomingEventsAsync(new ListUpcomingEventsRequest { PageSize = 4, PageToken = token }).ResponseAsync,
            r => r.NextPageToken);

        var latestFirst = published.OrderByDescending(e => e.StartTime.ToDateTimeOffset()).Select(e => e.EventId).ToList();
        Assert.Equal([2, 2, 1], organised.Select(p => p.Events.Count));
        Assert.Equal(latestFirst, organised.SelectMany(p => p.Events).Select(e => e.Event.EventId));
        Assert.Equal(1, organised[0].Events[0].RsvpCount);
        Assert.Equal(latestFirst, byLeader.Events.Select(e => e.Event.EventId));
        Assert.Equal([committeeEvent.EventId, .. Enumerable.Reverse(latestFirst)], upcoming.SelectMany(p => p.Events).Select(e => e.Event.EventId));
        Assert.Equal([4, 2], upcoming.Select(p => p.Events.Count));
    }

    [Fact]
    public async Task OnlyOrganisersListABranchsOrACommitteesEvents()
    {
        var seed = await Seed.CreateAsync(Node);
        var (memberId, _) = await seed.MemberAsync();
        var (branch2, _) = await seed.SecondBranchAsync();
        var secretary = Node.Events("secretary", new RoleGrant(Role.Secretary, seed.Branch));
        var member = Node.MemberEvents(memberId);
        var otherSecretary = Node.Events("secretary-2", new RoleGrant(Role.Secretary, branch2));

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => member.ListEventsAsync(new ListEventsRequest { BranchId = seed.Branch }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => otherSecretary.ListEventsAsync(new ListEventsRequest { BranchId = seed.Branch }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => secretary.ListEventsAsync(new ListEventsRequest { CommitteeId = seed.Committee }));
        var other = await Seed.CreateAsync(Node);
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.CommitteeNotFound,
            () => other.Admin.Events.ListEventsAsync(new ListEventsRequest { CommitteeId = seed.Committee }));
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => secretary.ListEventsAsync(new ListEventsRequest { BranchId = seed.Branch, CommitteeId = seed.Committee }));
        Assert.Equal(["branch_id"], RpcAssert.ViolatedFields(error));
        Assert.Empty((await seed.Admin.Events.ListEventsAsync(new ListEventsRequest { CommitteeId = seed.Committee })).Events);
    }

    [Fact]
    public async Task SendersPageThroughTheirNoticesNewestFirstWithReadCountsAndTheAudienceSize()
    {
        var seed = await Seed.CreateAsync(Node);
        var (_, reader) = await seed.MemberAsync();
        var (_, other) = await seed.MemberAsync();
        await seed.MemberAsync();
        var sent = new List<V1.Notice>();
        for (var i = 0; i < 3; i++)
        {
            sent.Add((await seed.Secretary.Notices.PublishNoticeAsync(Draft(V1.NoticeAudience.Branch, seed.Branch, $"通知 {i}"))).Notice);
        }

        var parkNotice = (await seed.Admin.Notices.PublishNoticeAsync(Draft(V1.NoticeAudience.Park, seed.Park, "园区通知"))).Notice;
        await reader.Notices.MarkNoticesReadAsync(new MarkNoticesReadRequest { NoticeIds = { sent[0].NoticeId, sent[2].NoticeId, parkNotice.NoticeId } });
        await reader.Notices.MarkNoticesReadAsync(new MarkNoticesReadRequest { NoticeIds = { sent[0].NoticeId } });
        await other.Notices.MarkNoticesReadAsync(new MarkNoticesReadRequest { NoticeIds = { sent[2].NoticeId } });

        var pages = await PagesAsync(token => seed.Secretary.Notices.ListSentNoticesAsync(new ListSentNoticesRequest
        {
            Audience = V1.NoticeAudience.Branch, AudienceId = seed.Branch, PageSize = 2, PageToken = token,
        }).ResponseAsync, r => r.NextPageToken);
        var park = await seed.Admin.Notices.ListSentNoticesAsync(new ListSentNoticesRequest { Audience = V1.NoticeAudience.Park, AudienceId = seed.Park });

        var listed = pages.SelectMany(p => p.Notices).ToList();
        Assert.Equal([2, 1], pages.Select(p => p.Notices.Count));
        Assert.Equal(sent.Select(n => n.NoticeId).Reverse(), listed.Select(n => n.Notice.NoticeId));
        Assert.Equal([2, 0, 1], listed.Select(n => n.ReadCount));
        Assert.Equal([3, 3], pages.Select(p => p.AudienceSize));
        Assert.Equal((parkNotice.NoticeId, 1, 3), (Assert.Single(park.Notices).Notice.NoticeId, park.Notices[0].ReadCount, park.AudienceSize));
    }

    [Fact]
    public async Task OnlyThoseWhoMayPublishToAnAudienceListItsSentNotices()
    {
        var seed = await Seed.CreateAsync(Node);
        var (_, member) = await seed.MemberAsync();
        var (branch2, secretary2) = await seed.SecondBranchAsync();
        var leader = seed.As("leader", new RoleGrant(Role.CommitteeLeader, seed.Committee));
        await seed.Secretary.Notices.PublishNoticeAsync(Draft(V1.NoticeAudience.Branch, seed.Branch, "支部通知"));

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => member.Notices.ListSentNoticesAsync(new ListSentNoticesRequest { Audience = V1.NoticeAudience.Branch, AudienceId = seed.Branch }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => secretary2.Notices.ListSentNoticesAsync(new ListSentNoticesRequest { Audience = V1.NoticeAudience.Branch, AudienceId = seed.Branch }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => seed.Secretary.Notices.ListSentNoticesAsync(new ListSentNoticesRequest { Audience = V1.NoticeAudience.Park, AudienceId = seed.Park }));
        Assert.Single((await leader.Notices.ListSentNoticesAsync(new ListSentNoticesRequest { Audience = V1.NoticeAudience.Branch, AudienceId = seed.Branch })).Notices);
        Assert.Empty((await secretary2.Notices.ListSentNoticesAsync(new ListSentNoticesRequest { Audience = V1.NoticeAudience.Branch, AudienceId = branch2 })).Notices);
    }

    [Fact]
    public async Task APageTokenOfAnotherListOrOtherFiltersIsInvalidArgument()
    {
        var seed = await Seed.CreateAsync(Node);
        var counter = await Counter.OpenAsync(seed);
        var (memberId, member) = await counter.CustomerAsync(100);
        await counter.StartAsync(member);
        await counter.StartAsync(member);
        var secretary = Node.Events("secretary", new RoleGrant(Role.Secretary, seed.Branch));
        await secretary.PublishEventAsync(BranchEvent(seed, TimeSpan.FromHours(1)));
        await secretary.PublishEventAsync(BranchEvent(seed, TimeSpan.FromHours(2)));
        await seed.Secretary.Notices.PublishNoticeAsync(Draft(V1.NoticeAudience.Branch, seed.Branch, "一"));
        await seed.Secretary.Notices.PublishNoticeAsync(Draft(V1.NoticeAudience.Branch, seed.Branch, "二"));
        var memberToken = (await member.Redemptions.ListRedemptionsAsync(new ListRedemptionsRequest { PageSize = 1 })).NextPageToken;
        var counterToken = (await counter.Staff.Redemptions.ListRedemptionsAsync(new ListRedemptionsRequest { MerchantId = counter.MerchantId, PageSize = 1 })).NextPageToken;
        var eventsToken = (await secretary.ListEventsAsync(new ListEventsRequest { BranchId = seed.Branch, PageSize = 1 })).NextPageToken;
        var upcomingToken = (await Node.MemberEvents(memberId).ListUpcomingEventsAsync(new ListUpcomingEventsRequest { PageSize = 1 })).NextPageToken;
        var noticesToken = (await seed.Secretary.Notices.ListSentNoticesAsync(new ListSentNoticesRequest { Audience = V1.NoticeAudience.Branch, AudienceId = seed.Branch, PageSize = 1 })).NextPageToken;
        Assert.All(new[] { memberToken, counterToken, eventsToken, upcomingToken, noticesToken }, t => Assert.NotEmpty(t));

        Func<Task>[] foreign =
        [
            () => counter.Staff.Redemptions.ListRedemptionsAsync(new ListRedemptionsRequest { MerchantId = counter.MerchantId, PageToken = memberToken }).ResponseAsync,
            () => member.Redemptions.ListRedemptionsAsync(new ListRedemptionsRequest { PageToken = counterToken }).ResponseAsync,
            () => member.Redemptions.ListRedemptionsAsync(new ListRedemptionsRequest { PageToken = memberToken, Status = V1.RedemptionStatus.Completed }).ResponseAsync,
            () => Node.MemberEvents(memberId).ListUpcomingEventsAsync(new ListUpcomingEventsRequest { PageToken = eventsToken }).ResponseAsync,
            () => secretary.ListEventsAsync(new ListEventsRequest { BranchId = seed.Branch, PageToken = upcomingToken }).ResponseAsync,
            () => seed.Admin.Events.ListEventsAsync(new ListEventsRequest { CommitteeId = seed.Committee, PageToken = eventsToken }).ResponseAsync,
            () => seed.Admin.Notices.ListSentNoticesAsync(new ListSentNoticesRequest { Audience = V1.NoticeAudience.Park, AudienceId = seed.Park, PageToken = noticesToken }).ResponseAsync,
            () => seed.Secretary.Notices.ListSentNoticesAsync(new ListSentNoticesRequest { Audience = V1.NoticeAudience.Branch, AudienceId = seed.Branch, PageToken = eventsToken }).ResponseAsync,
        ];
        foreach (var call in foreign)
        {
            var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument, call);
            Assert.Equal(["page_token"], RpcAssert.ViolatedFields(error));
        }

        var oversized = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => Node.MemberEvents(memberId).ListUpcomingEventsAsync(new ListUpcomingEventsRequest { PageSize = 101 }));
        Assert.Equal(["page_size"], RpcAssert.ViolatedFields(oversized));
    }

    /// <summary>Follows next_page_token from the first page to the last.</summary>
    internal static async Task<List<T>> PagesAsync<T>(Func<string, Task<T>> list, Func<T, string> next)
    {
        var pages = new List<T>();
        var token = "";
        do
        {
            var page = await list(token);
            pages.Add(page);
            token = next(page);
        }
        while (token.Length > 0 && pages.Count < 50);

        return pages;
    }

    private static async Task<Redemption> Confirm(Counter counter, Redemption started) =>
        (await counter.Staff.Redemptions.ConfirmRedemptionAsync(new ConfirmRedemptionRequest
        {
            MerchantId = counter.MerchantId, QrPayload = started.QrPayload, IdempotencyKey = Seed.Next("confirm"),
        })).Redemption;

    private PublishEventRequest BranchEvent(Seed seed, TimeSpan startsIn, bool committee = false) => new()
    {
        EventId = Seed.Next("ev"),
        BranchId = committee ? "" : seed.Branch,
        CommitteeId = committee ? seed.Committee : "",
        Title = "主题党日",
        Place = "张江科学会堂 201",
        StartTime = Timestamp.FromDateTimeOffset(Now + startsIn),
        EndTime = Timestamp.FromDateTimeOffset(Now + startsIn + TimeSpan.FromHours(2)),
        Capacity = 30,
        IdempotencyKey = Seed.Next("k"),
    };

    internal static PublishNoticeRequest Draft(V1.NoticeAudience audience, string id, string title) =>
        new() { Audience = audience, AudienceId = id, Title = title, Body = "请各位党员准时参加。", IdempotencyKey = Seed.Next("k") };
}
