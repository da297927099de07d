using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Engagement.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Engagement.EndToEnd;

/// <summary>
/// Outside your park, everything is NOT_FOUND. For every RPC (from the service descriptors), a request that targets a
/// resource of park A, made by each kind of caller of park B — member, secretary, committee leader, park admin and
/// merchant staff — answers exactly as the same request with an id that does not exist: the same status, the same
/// ErrorInfo reason and the same message but for the id; never OK; and none of these calls changes anything in either
/// park. RPCs that name no resource (the caller's own feed) say why in the table. A new RPC without an entry fails
/// <see cref="EveryRpcHasAnIsolationCase"/>.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class ParkIsolationTests(NodeFixture fixture)
{
    private const string Member = "member";
    private const string Secretary = "secretary";
    private const string Leader = "committee-leader";
    private const string Admin = "park-admin";
    private const string Staff = "merchant-staff";

    private static readonly ConditionalWeakTable<TestNode, Task<Scene>> Scenes = [];

    private static readonly Dictionary<string, Isolation> Cases = new(StringComparer.Ordinal)
    {
        // Organisation
        ["engagement.v1.OrganizationService/CreatePark"] = On(s => s.Home.Park,
            (_, id) => new CreateParkRequest { ParkId = id, Name = "临港园区", TimeZone = "Asia/Shanghai", IdempotencyKey = Key() },
            // Creating a park needs the admin role of the new id: nobody has a role in it, whether the id is taken or not.
            expect: _ => StatusCode.PermissionDenied),
        ["engagement.v1.OrganizationService/GetPark"] = On(s => s.Home.Park, (_, id) => new GetParkRequest { ParkId = id }),
        ["engagement.v1.OrganizationService/CreateCommittee"] = On(s => s.Home.Park,
            (_, id) => new CreateCommitteeRequest { ParkId = id, CommitteeId = Seed.Next("com"), Name = "党委", IdempotencyKey = Key() }),
        ["engagement.v1.OrganizationService/CreateBranch"] = On(s => s.Home.Committee,
            (_, id) => new CreateBranchRequest { CommitteeId = id, BranchId = Seed.Next("br"), Name = "支部", IdempotencyKey = Key() }),
        ["engagement.v1.OrganizationService/RegisterMember"] = On(s => s.Home.Branch,
            (_, id) => new RegisterMemberRequest { BranchId = id, MemberId = Seed.Next("m"), DisplayName = "李四", Phone = "13900000000", IdempotencyKey = Key() }),
        ["engagement.v1.OrganizationService/VerifyMember"] = On(s => s.HomeMember, (_, id) => new VerifyMemberRequest { MemberId = id, IdempotencyKey = Key() }),
        ["engagement.v1.OrganizationService/GetMember"] = On(s => s.HomeMember, (_, id) => new GetMemberRequest { MemberId = id }),
        ["engagement.v1.OrganizationService/SetMemberDisplayName"] = On(s => s.HomeMember,
            (_, id) => new SetMemberDisplayNameRequest { MemberId = id, DisplayName = "改名", IdempotencyKey = Key() }),
        ["engagement.v1.OrganizationService/AppointOfficer"] = new(
        [
            new("park", s => s.Home.Park, (_, id) => new AppointOfficerRequest
            {
                ParkId = id, Subject = Seed.Next("person"), DisplayName = "王书记", Role = OfficerRole.ParkAdmin, IdempotencyKey = Key(),
            }),
            new("scope (in B's own park)", s => s.Home.Branch, (s, id) => new AppointOfficerRequest
            {
                ParkId = s.Away.Park, Subject = Seed.Next("person"), DisplayName = "王书记", Role = OfficerRole.Secretary, ScopeId = id, IdempotencyKey = Key(),
            }, Expect: role => role == Admin ? StatusCode.NotFound : StatusCode.PermissionDenied),
        ]),
        ["engagement.v1.OrganizationService/RevokeOfficer"] = On(s => s.Home.Park,
            (s, id) => new RevokeOfficerRequest { ParkId = id, Subject = s.HomeOfficer, Role = OfficerRole.Secretary, ScopeId = s.Home.Branch, IdempotencyKey = Key() }),
        ["engagement.v1.OrganizationService/ListOfficers"] = new(
        [
            new("park", s => s.Home.Park, (_, id) => new ListOfficersRequest { ParkId = id }),
            new("park, with one's own scope", s => s.Home.Park, (s, id) => new ListOfficersRequest { ParkId = id, ScopeId = s.Away.Branch }),
        ]),
        ["engagement.v1.OrganizationService/GetCommittee"] = On(s => s.Home.Committee, (_, id) => new GetCommitteeRequest { CommitteeId = id }),
        ["engagement.v1.OrganizationService/ListCommittees"] = On(s => s.Home.Park, (_, id) => new ListCommitteesRequest { ParkId = id }),
        ["engagement.v1.OrganizationService/GetBranch"] = On(s => s.Home.Branch, (_, id) => new GetBranchRequest { BranchId = id }),
        ["engagement.v1.OrganizationService/ListBranches"] = new(
        [
            new("committee", s => s.Home.Committee, (_, id) => new ListBranchesRequest { CommitteeId = id }),
            new("park", s => s.Home.Park, (_, id) => new ListBranchesRequest { ParkId = id }),
        ]),
        ["engagement.v1.OrganizationService/ListMembers"] = new(
        [
            new("branch", s => s.Home.Branch, (_, id) => new ListMembersRequest { BranchId = id }),
            new("committee", s => s.Home.Committee, (_, id) => new ListMembersRequest { CommitteeId = id }),
            new("park", s => s.Home.Park, (_, id) => new ListMembersRequest { ParkId = id }),
        ]),

        // Points and rules
        ["engagement.v1.PointsService/CheckIn"] = On(s => s.HomeMember, (_, id) => new CheckInRequest { MemberId = id, IdempotencyKey = Key() }),
        ["engagement.v1.PointsService/GetBalance"] = On(s => s.HomeMember, (_, id) => new GetBalanceRequest { MemberId = id }),
        ["engagement.v1.PointsService/ListLedger"] = On(s => s.HomeMember, (_, id) => new ListLedgerRequest { MemberId = id }),
        ["engagement.v1.PointsService/GetDailyProgress"] = On(s => s.HomeMember, (_, id) => new GetDailyProgressRequest { MemberId = id }),
        ["engagement.v1.PointsService/AdjustPoints"] = On(s => s.HomeMember,
            (_, id) => new AdjustPointsRequest { MemberId = id, Amount = 5, Reason = "补录", IdempotencyKey = Key() }),
        ["engagement.v1.PointsService/CheckLedgerConsistency"] = On(s => s.Home.Park, (_, id) => new CheckLedgerConsistencyRequest { ParkId = id }),
        ["engagement.v1.RulesService/GetParkRules"] = On(s => s.Home.Park, (_, id) => new GetParkRulesRequest { ParkId = id }),
        ["engagement.v1.RulesService/SetParkRules"] = On(s => s.Home.Park,
            (_, id) => new SetParkRulesRequest { ParkId = id, Rules = Rules(), IdempotencyKey = Key() }),
        ["engagement.v1.RulesService/GetCommitteeRules"] = On(s => s.Home.Committee, (_, id) => new GetCommitteeRulesRequest { CommitteeId = id }),
        ["engagement.v1.RulesService/SetCommitteeRules"] = On(s => s.Home.Committee,
            (_, id) => new SetCommitteeRulesRequest { CommitteeId = id, Rules = Rules(), IdempotencyKey = Key() }),
        ["engagement.v1.AuditService/ListAuditRecords"] = new(
        [
            new("park", s => s.Home.Park, (_, id) => new ListAuditRecordsRequest { ParkId = id }),
            new("branch (of B's own park's trail)", s => s.Home.Branch, (s, id) => new ListAuditRecordsRequest { ParkId = s.Away.Park, BranchId = id }),
        ]),

        // Merchants and redemptions
        ["engagement.v1.MerchantService/CreateMerchant"] = On(s => s.Home.Park,
            (_, id) => new CreateMerchantRequest { ParkId = id, MerchantId = Seed.Next("mer"), Name = "茶馆", IdempotencyKey = Key() }),
        ["engagement.v1.MerchantService/AddMerchantStaff"] = On(s => s.HomeShop.MerchantId,
            (_, id) => new AddMerchantStaffRequest { MerchantId = id, Subject = Seed.Next("clerk"), DisplayName = "店员", IdempotencyKey = Key() }),
        ["engagement.v1.MerchantService/RemoveMerchantStaff"] = On(s => s.HomeShop.MerchantId,
            (s, id) => new RemoveMerchantStaffRequest { MerchantId = id, Subject = $"clerk-{s.HomeShop.MerchantId}", IdempotencyKey = Key() }),
        ["engagement.v1.MerchantService/UpsertCatalogItem"] = On(s => s.HomeShop.MerchantId, (_, id) => new UpsertCatalogItemRequest
        {
            MerchantId = id, Item = new V1.CatalogItem { ItemId = "tea", Name = "绿茶", PointsCost = 5 }, InitialStock = 10, IdempotencyKey = Key(),
        }),
        ["engagement.v1.MerchantService/RestockItem"] = On(s => s.HomeShop.MerchantId,
            (s, id) => new RestockItemRequest { MerchantId = id, ItemId = s.HomeShop.ItemId, Delta = 5, IdempotencyKey = Key() }),
        ["engagement.v1.MerchantService/ListCatalog"] = On(s => s.HomeShop.MerchantId, (_, id) => new ListCatalogRequest { MerchantId = id }),
        ["engagement.v1.MerchantService/BrowseMerchants"] = On(s => s.Home.Park, (_, id) => new BrowseMerchantsRequest { ParkId = id }),
        ["engagement.v1.MerchantService/ListMerchants"] = On(s => s.Home.Park, (_, id) => new ListMerchantsRequest { ParkId = id }),
        ["engagement.v1.MerchantService/GetSettlement"] = On(s => s.HomeShop.MerchantId, (_, id) => new GetSettlementRequest { MerchantId = id }),
        ["engagement.v1.RedemptionService/StartRedemption"] = On(s => s.HomeShop.MerchantId,
            (s, id) => new StartRedemptionRequest { MerchantId = id, ItemId = s.HomeShop.ItemId, IdempotencyKey = Key() },
            // Only members redeem: the others are refused for who they are, whatever the merchant.
            expect: role => role == Member ? StatusCode.NotFound : StatusCode.PermissionDenied),
        ["engagement.v1.RedemptionService/GetRedemption"] = OnRedemption((_, id) => new GetRedemptionRequest { RedemptionId = id }),
        ["engagement.v1.RedemptionService/CancelRedemption"] = OnRedemption((_, id) => new CancelRedemptionRequest { RedemptionId = id, IdempotencyKey = Key() }),
        ["engagement.v1.RedemptionService/WatchRedemption"] = OnRedemption((_, id) => new WatchRedemptionRequest { RedemptionId = id }),
        ["engagement.v1.RedemptionService/ValidateRedemption"] = new(
        [
            new("merchant, typed code", s => s.HomeShop.MerchantId, (s, id) => new ValidateRedemptionRequest { MerchantId = id, Code = s.HomeRedemption.Code }),
            new("merchant, QR code", s => s.HomeShop.MerchantId, (s, id) => new ValidateRedemptionRequest { MerchantId = id, QrPayload = s.HomeRedemption.QrPayload }),
            new("redemption at B's own counter", s => s.HomeRedemption.RedemptionId,
                (s, id) => new ValidateRedemptionRequest { MerchantId = s.AwayShop.MerchantId, QrPayload = Qr(s, id) }, RedemptionId,
                Expect: role => role == Staff ? StatusCode.NotFound : StatusCode.PermissionDenied),
        ]),
        ["engagement.v1.RedemptionService/ConfirmRedemption"] = new(
        [
            new("merchant", s => s.HomeShop.MerchantId,
                (s, id) => new ConfirmRedemptionRequest { MerchantId = id, Code = s.HomeRedemption.Code, IdempotencyKey = Key() }),
            new("redemption at B's own counter", s => s.HomeRedemption.RedemptionId,
                (s, id) => new ConfirmRedemptionRequest { MerchantId = s.AwayShop.MerchantId, QrPayload = Qr(s, id), IdempotencyKey = Key() }, RedemptionId,
                Expect: role => role == Staff ? StatusCode.NotFound : StatusCode.PermissionDenied),
        ]),
        ["engagement.v1.RedemptionService/RefundRedemption"] = new(
        [
            new("merchant", s => s.HomeShop.MerchantId,
                (s, id) => new RefundRedemptionRequest { MerchantId = id, RedemptionId = s.HomeRedemption.RedemptionId, IdempotencyKey = Key() }),
            new("redemption at B's own counter", s => s.HomeRedemption.RedemptionId,
                (s, id) => new RefundRedemptionRequest { MerchantId = s.AwayShop.MerchantId, RedemptionId = id, IdempotencyKey = Key() }, RedemptionId,
                Expect: role => role == Staff ? StatusCode.NotFound : StatusCode.PermissionDenied),
        ]),
        ["engagement.v1.RedemptionService/ListRedemptions"] = On(s => s.HomeShop.MerchantId, (_, id) => new ListRedemptionsRequest { MerchantId = id }),

        // Quiz, courses, events
        ["engagement.v1.QuizService/ImportQuestions"] = new(
        [
            new("park", s => s.Home.Park, (_, id) => QuizClients.ImportInto(id, QuizClients.Singles("q", 3))),
            new("committee", s => s.Home.Committee, (_, id) => With(QuizClients.ImportInto("", QuizClients.Singles("q", 3)), r => r.CommitteeId = id)),
        ]),
        ["engagement.v1.QuizService/GetDailyQuiz"] = On(s => s.HomeMember, (_, id) => new GetDailyQuizRequest { MemberId = id }),
        ["engagement.v1.QuizService/SubmitDailyQuiz"] = On(s => s.HomeMember, (s, id) =>
        {
            var request = new SubmitDailyQuizRequest { MemberId = id, Day = s.Today, IdempotencyKey = Key() };
            request.Answers.Add(new V1.QuizAnswer { QuestionId = "q-1", ChosenOptions = { 1 } });
            return request;
        }),
        ["engagement.v1.CourseService/CreateCourse"] = On(s => s.Home.Park, (_, id) =>
        {
            var request = new CreateCourseRequest { ParkId = id, CourseId = Seed.Next("course"), Title = "党史", IdempotencyKey = Key() };
            request.Episodes.Add(new Episode { EpisodeId = "e1", Title = "第一讲", DurationSeconds = 60 });
            return request;
        }),
        ["engagement.v1.CourseService/GetCourse"] = On(s => s.HomeCourse, (_, id) => new GetCourseRequest { CourseId = id }),
        ["engagement.v1.CourseService/ListCourses"] = On(s => s.HomeMember, (_, id) => new ListCoursesRequest { MemberId = id }),
        ["engagement.v1.CourseService/ReportProgress"] = new(
        [
            new("member", s => s.HomeMember,
                (s, id) => new ReportProgressRequest { MemberId = id, CourseId = s.HomeCourse, EpisodeId = "e1", PositionSeconds = 10, IdempotencyKey = Key() }),
            new("course", s => s.HomeCourse,
                (s, id) => new ReportProgressRequest { MemberId = s.AwayMember, CourseId = id, EpisodeId = "e1", PositionSeconds = 10, IdempotencyKey = Key() },
                Expect: role => role == Member ? StatusCode.NotFound : StatusCode.PermissionDenied),
        ]),
        ["engagement.v1.EventService/PublishEvent"] = new(
        [
            new("branch", s => s.Home.Branch, (s, id) => s.NewEvent(e => e.BranchId = id)),
            new("committee", s => s.Home.Committee, (s, id) => s.NewEvent(e => e.CommitteeId = id)),
        ]),
        ["engagement.v1.EventService/ListUpcomingEvents"] = On(s => s.HomeMember, (_, id) => new ListUpcomingEventsRequest { MemberId = id }),
        ["engagement.v1.EventService/ListEvents"] = new(
        [
            new("branch", s => s.Home.Branch, (_, id) => new ListEventsRequest { BranchId = id }),
            new("committee", s => s.Home.Committee, (_, id) => new ListEventsRequest { CommitteeId = id }),
        ]),
        ["engagement.v1.EventService/Rsvp"] = OnEvent((s, id) => new RsvpRequest { EventId = id, MemberId = s.AwayMember, IdempotencyKey = Key() }),
        ["engagement.v1.EventService/CancelRsvp"] = OnEvent((s, id) => new CancelRsvpRequest { EventId = id, MemberId = s.AwayMember, IdempotencyKey = Key() }),
        ["engagement.v1.EventService/GetCheckInCode"] = OnEvent((_, id) => new GetCheckInCodeRequest { EventId = id }),
        ["engagement.v1.EventService/CheckInToEvent"] = OnEvent(
            (s, id) => new CheckInToEventRequest { EventId = id, MemberId = s.AwayMember, Code = "123456", IdempotencyKey = Key() }),
        ["engagement.v1.EventService/SendHeartbeat"] = OnEvent((s, id) => new SendHeartbeatRequest { EventId = id, MemberId = s.AwayMember, IdempotencyKey = Key() }),
        ["engagement.v1.EventService/ListAttendance"] = OnEvent((_, id) => new ListAttendanceRequest { EventId = id }),

        // Leaderboards
        ["engagement.v1.LeaderboardService/GetLeaderboard"] = new(
        [
            new("branch board", s => s.Home.Branch, (_, id) => Board(LeaderboardScope.BranchMembers, id)),
            new("committee board", s => s.Home.Committee, (_, id) => Board(LeaderboardScope.CommitteeMembers, id)),
            new("committee's branches board", s => s.Home.Committee, (_, id) => Board(LeaderboardScope.CommitteeBranches, id)),
            new("park board", s => s.Home.Park, (_, id) => Board(LeaderboardScope.ParkMembers, id)),
            new("park board, a given period", s => s.Home.Park, (_, id) => With(Board(LeaderboardScope.ParkMembers, id), r => (r.Period, r.PeriodKey) = (LeaderboardPeriod.Month, "2026-11"))),
        ]),
        ["engagement.v1.LeaderboardService/GetMemberRank"] = new(
        [
            new("branch board", s => s.Home.Branch,
                (s, id) => new GetMemberRankRequest { Scope = LeaderboardScope.BranchMembers, ScopeId = id, Period = LeaderboardPeriod.All, MemberId = s.AwayMember }),
            new("park board", s => s.Home.Park,
                (s, id) => new GetMemberRankRequest { Scope = LeaderboardScope.ParkMembers, ScopeId = id, Period = LeaderboardPeriod.All, MemberId = s.AwayMember }),
        ]),
        ["engagement.v1.LeaderboardService/WatchLeaderboard"] = new(
        [
            new("committee board", s => s.Home.Committee,
                (_, id) => new WatchLeaderboardRequest { Scope = LeaderboardScope.CommitteeMembers, ScopeId = id, Period = LeaderboardPeriod.All }),
            new("park board", s => s.Home.Park, (_, id) => new WatchLeaderboardRequest { Scope = LeaderboardScope.ParkMembers, ScopeId = id, Period = LeaderboardPeriod.Week }),
        ]),

        // Back office, notices, analytics, insights
        ["engagement.v1.BackOfficeService/DeactivateMember"] = On(s => s.HomeMember, (_, id) => new DeactivateMemberRequest { MemberId = id, IdempotencyKey = Key() }),
        ["engagement.v1.BackOfficeService/ReactivateMember"] = On(s => s.HomeMember, (_, id) => new ReactivateMemberRequest { MemberId = id, IdempotencyKey = Key() }),
        ["engagement.v1.BackOfficeService/RequestTransfer"] = new(
        [
            new("member", s => s.HomeMember, (s, id) => new RequestTransferRequest { MemberId = id, ToBranchId = s.HomeBranch2, IdempotencyKey = Key() }),
            new("receiving branch (for B's own member)", s => s.Home.Branch,
                (s, id) => new RequestTransferRequest { MemberId = s.AwayMember, ToBranchId = id, IdempotencyKey = Key() },
                Expect: role => role is Admin or Secretary ? StatusCode.NotFound : StatusCode.PermissionDenied),
        ]),
        ["engagement.v1.BackOfficeService/AcceptTransfer"] = On(s => s.HomeMember, (_, id) => new AcceptTransferRequest { MemberId = id, IdempotencyKey = Key() }),
        ["engagement.v1.BackOfficeService/DeclineTransfer"] = On(s => s.HomeMember, (_, id) => new DeclineTransferRequest { MemberId = id, IdempotencyKey = Key() }),
        ["engagement.v1.BackOfficeService/ListPendingTransfers"] = On(s => s.Home.Branch, (_, id) => new ListPendingTransfersRequest { BranchId = id }),
        ["engagement.v1.BackOfficeService/ImportRoster"] = On(s => s.Home.Branch,
            (_, id) => new ImportRosterRequest { BranchId = id, Csv = $"{Seed.Next("m")},赵六,13800000001,张江公司,2020-01-01\n", IdempotencyKey = Key() }),
        ["engagement.v1.NoticeService/PublishNotice"] = new(
        [
            new("branch", s => s.Home.Branch, (_, id) => Notice(V1.NoticeAudience.Branch, id)),
            new("committee", s => s.Home.Committee, (_, id) => Notice(V1.NoticeAudience.Committee, id)),
            new("park", s => s.Home.Park, (_, id) => Notice(V1.NoticeAudience.Park, id)),
        ]),
        ["engagement.v1.NoticeService/ListSentNotices"] = new(
        [
            new("branch", s => s.Home.Branch, (_, id) => new ListSentNoticesRequest { Audience = V1.NoticeAudience.Branch, AudienceId = id }),
            new("committee", s => s.Home.Committee, (_, id) => new ListSentNoticesRequest { Audience = V1.NoticeAudience.Committee, AudienceId = id }),
            new("park", s => s.Home.Park, (_, id) => new ListSentNoticesRequest { Audience = V1.NoticeAudience.Park, AudienceId = id }),
        ]),
        ["engagement.v1.NoticeService/ListFeed"] = Mine("the calling member's own feed: it names no resource"),
        ["engagement.v1.NoticeService/MarkNoticesRead"] = Mine("marks notices of the calling member's own feed; ids not in it (another park's or unknown) are ignored alike"),
        ["engagement.v1.NoticeService/WatchFeed"] = Mine("the calling member's own feed, live: it names no resource"),
        ["engagement.v1.AnalyticsService/GetBranchAnalytics"] = On(s => s.Home.Branch, (_, id) => new GetBranchAnalyticsRequest { BranchId = id }),
        ["engagement.v1.AnalyticsService/GetCommitteeAnalytics"] = On(s => s.Home.Committee, (_, id) => new GetCommitteeAnalyticsRequest { CommitteeId = id }),
        ["engagement.v1.InsightsService/GetMemberProfileStats"] = On(s => s.HomeMember, (_, id) => new GetMemberProfileStatsRequest { MemberId = id }),
        ["engagement.v1.InsightsService/GetRecommendations"] = On(s => s.HomeMember, (_, id) => new GetRecommendationsRequest { MemberId = id }),
        ["engagement.v1.InsightsService/ListInactiveMembers"] = On(s => s.Home.Branch, (_, id) => new ListInactiveMembersRequest { BranchId = id }),
    };

    private TestNode Node => fixture.Node;

    /// <summary>The RPCs that name a resource (the others are the caller's own and have nothing to compare).</summary>
    public static TheoryData<string> TargetingRpcs => [.. Cases.Where(c => c.Value.Targets.Length > 0).Select(c => c.Key)];

    [Fact]
    public void EveryRpcHasAnIsolationCase()
    {
        var rpcs = ApiDescriptors.Methods.Select(ApiDescriptors.FullName).ToList();

        Assert.True(rpcs.Count >= 80, $"only {rpcs.Count} RPCs found in the descriptors");
        Assert.Empty(rpcs.Except(Cases.Keys));
        Assert.Empty(Cases.Keys.Except(rpcs));
        Assert.All(Cases.Values, c => Assert.True(c.Targets.Length > 0 || !string.IsNullOrWhiteSpace(c.NoTarget)));
    }

    [Theory]
    [MemberData(nameof(TargetingRpcs))]
    public async Task AResourceOfAnotherParkAnswersExactlyAsAnUnknownId(string rpc)
    {
        var method = ApiDescriptors.Find(rpc);
        var scene = await Scenes.GetValue(Node, Scene.CreateAsync);
        var before = await scene.SnapshotAsync();

        foreach (var target in Cases[rpc].Targets)
        {
            var foreignId = target.Foreign(scene);
            foreach (var (role, caller) in scene.AwayCallers)
            {
                var unknownId = target.NewId();
                var foreign = await OutcomeAsync(caller, method, target.Request(scene, foreignId), foreignId);
                var unknown = await OutcomeAsync(caller, method, target.Request(scene, unknownId), unknownId);
                var what = $"{rpc} on park A's {target.Name}, as park B's {role}";

                Assert.True(foreign == unknown, $"{what}: answered {foreign}, but an unknown id {unknown}");
                var expected = target.Expect?.Invoke(role) ?? StatusCode.NotFound;
                Assert.True(foreign.Code == expected, $"{what}: answered {foreign}, expected {expected}");
            }
        }

        Assert.Equal(before, await scene.SnapshotAsync());
    }

    [Fact]
    public async Task AParkIsReadByEveryoneWithARoleInItAndNobodyElse()
    {
        var scene = await Scenes.GetValue(Node, Scene.CreateAsync);
        foreach (var (role, caller) in scene.HomeCallers)
        {
            var park = await caller.Organization.GetParkAsync(new GetParkRequest { ParkId = scene.Home.Park });
            Assert.True(park.Park.ParkId == scene.Home.Park, $"park A's {role} reads park A");
        }

        foreach (var (role, caller) in scene.AwayCallers)
        {
            var error = await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.ParkNotFound,
                () => caller.Organization.GetParkAsync(new GetParkRequest { ParkId = scene.Home.Park }));
            Assert.True(error.Status.Detail == $"Park '{scene.Home.Park}' does not exist.", $"park B's {role}: {error.Status.Detail}");
        }
    }

    [Fact]
    public async Task AnAuditTrailFilteredByABranchOfAnotherParkIsNotFoundNeverAnEmptyList()
    {
        var scene = await Scenes.GetValue(Node, Scene.CreateAsync);

        // Park A's admin asks for park A's trail of park B's branch: that branch is unknown in park A.
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.BranchNotFound,
            () => scene.Home.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = scene.Home.Park, BranchId = scene.Away.Branch }));
        // Park B's secretary names their own branch in park A's trail: park A is unknown to them.
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.ParkNotFound,
            () => scene.AwayCallers[Secretary].Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = scene.Home.Park, BranchId = scene.Away.Branch }));
        // Inside park A, a member may not read the trail.
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => scene.HomeCallers[Member].Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = scene.Home.Park, BranchId = scene.Home.Branch }));
        var own = await scene.HomeCallers[Secretary].Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = scene.Home.Park, BranchId = scene.Home.Branch });
        Assert.Contains(own.Records, r => r.Action == "register-member" && r.Target == scene.HomeMember);
    }

    /// <summary>What a call answered, the id it named replaced by <c>{id}</c>.</summary>
    private static async Task<Outcome> OutcomeAsync(Api caller, Google.Protobuf.Reflection.MethodDescriptor method, IMessage request, string id)
    {
        try
        {
            var response = await caller.CallOrFirstAsync(method, request, TimeSpan.FromSeconds(10));
            return new Outcome(StatusCode.OK, null, $"{response}".Replace(id, "{id}", StringComparison.Ordinal));
        }
        catch (RpcException e)
        {
            var reason = e.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason;
            return new Outcome(e.StatusCode, reason, e.Status.Detail.Replace(id, "{id}", StringComparison.Ordinal));
        }
    }

    private static Isolation On(Func<Scene, string> foreign, Func<Scene, string, IMessage> request, Func<string, StatusCode>? expect = null) =>
        new([new Target("resource", foreign, request, Expect: expect)]);

    private static Isolation OnEvent(Func<Scene, string, IMessage> request) => new([new Target("event", s => s.HomeEvent, request)]);

    private static Isolation OnRedemption(Func<Scene, string, IMessage> request) =>
        new([new Target("redemption", s => s.HomeRedemption.RedemptionId, request, RedemptionId)]);

    private static Isolation Mine(string why) => new([], why);

    private static string Key() => Seed.Next("key");

    /// <summary>A redemption id that does not exist: ids are derived from a member and a key ("r" and 32 hex digits).</summary>
    private static string RedemptionId() => "r" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>A QR payload for the redemption <paramref name="id"/>: park A's own secret for park A's redemption.</summary>
    private static string Qr(Scene scene, string id) =>
        id == scene.HomeRedemption.RedemptionId ? scene.HomeRedemption.QrPayload : $"{id}.{Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).Replace('+', '-').Replace('/', '_')[..22]}";

    private static GetLeaderboardRequest Board(LeaderboardScope scope, string id) => new() { Scope = scope, ScopeId = id, Period = LeaderboardPeriod.All };

    private static PublishNoticeRequest Notice(V1.NoticeAudience audience, string id) =>
        new() { Audience = audience, AudienceId = id, Title = "学习通知", Body = "周五学习。", IdempotencyKey = Key() };

    private static T With<T>(T request, Action<T> change)
        where T : IMessage<T>
    {
        change(request);
        return request;
    }

    private static V1.PointsRules Rules() => new()
    {
        CheckInPoints = 9, StreakEvery = 7, StreakBonus = 5, QuizPointsPerCorrect = 1, QuizFullMarksBonus = 1, QuizDailyCap = 6,
        EpisodePoints = 1, EpisodeDailyCap = 6, EpisodeWatchedPercent = 90, CourseCompletedPoints = 5, EventOnSiteDefaultPoints = 3,
        EventRemoteMinutes = 30, EventRemotePercent = 50,
    };

    /// <summary>An answer, with the id it named made a placeholder.</summary>
    private sealed record Outcome(StatusCode Code, string? Reason, string Message)
    {
        public override string ToString() => $"{Code} {Reason}: {Message}";
    }

    /// <summary>
    /// One way an RPC reaches into park A: the id of park A's resource, the request naming an id, what a fresh
    /// unknown id looks like, and the status park B's callers get (NOT_FOUND unless said otherwise, with the reason).
    /// </summary>
    private sealed record Target(string Name, Func<Scene, string> Foreign, Func<Scene, string, IMessage> Request, Func<string>? Unknown = null,
        Func<string, StatusCode>? Expect = null)
    {
        public string NewId() => Unknown?.Invoke() ?? Seed.Next("nx");
    }

    /// <summary>An RPC's targets; none, with <see cref="NoTarget"/> saying why, for the calls that name no resource.</summary>
    private sealed record Isolation(Target[] Targets, string? NoTarget = null);

    /// <summary>
    /// Park A ("home") with a member who has points, a second branch, an officer, a merchant with a pending redemption,
    /// an event under way, a course and a notice; park B ("away") with a caller of each kind.
    /// </summary>
    private sealed class Scene
    {
        public required Seed Home { get; init; }

        public required Seed Away { get; init; }

        public required string HomeMember { get; init; }

        public required string HomeBranch2 { get; init; }

        public required string HomeOfficer { get; init; }

        public required Counter HomeShop { get; init; }

        public required Redemption HomeRedemption { get; init; }

        public required string HomeEvent { get; init; }

        public required string HomeCourse { get; init; }

        public required string AwayMember { get; init; }

        public required Counter AwayShop { get; init; }

        public required string Today { get; init; }

        public required DateTimeOffset Now { get; init; }

        /// <summary>Park A's own callers, one of each kind.</summary>
        public required IReadOnlyDictionary<string, Api> HomeCallers { get; init; }

        /// <summary>Park B's callers, one of each kind, none with any role in park A.</summary>
        public required IReadOnlyDictionary<string, Api> AwayCallers { get; init; }

        public static async Task<Scene> CreateAsync(TestNode node)
        {
            var home = await Seed.CreateAsync(node);
            var away = await Seed.CreateAsync(node);
            var (branch2, _) = await home.SecondBranchAsync();
            var (homeMember, homeMemberApi) = await home.MemberAsync();
            var (awayMember, awayMemberApi) = await away.MemberAsync();
            foreach (var (seed, member) in new[] { (home, homeMember), (away, awayMember) })
            {
                await seed.Secretary.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = member, Amount = 100, Reason = "充值", IdempotencyKey = Key() });
            }

            var officer = Seed.Next("person");
            await home.Admin.Organization.AppointOfficerAsync(new AppointOfficerRequest
            {
                ParkId = home.Park, Subject = officer, DisplayName = "王书记", Role = OfficerRole.Secretary, ScopeId = branch2, IdempotencyKey = Key(),
            });
            var homeShop = await Counter.OpenAsync(home);
            var awayShop = await Counter.OpenAsync(away);
            var redemption = await homeShop.StartAsync(homeMemberApi);
            var now = node.Time.GetUtcNow();
            var homeEvent = Seed.Next("ev");
            await home.Secretary.Events.PublishEventAsync(new PublishEventRequest
            {
                EventId = homeEvent, BranchId = home.Branch, Title = "主题党日", Place = "会堂", Capacity = 30, Streamed = true,
                StartTime = Timestamp.FromDateTimeOffset(now - TimeSpan.FromMinutes(10)), EndTime = Timestamp.FromDateTimeOffset(now + TimeSpan.FromHours(2)),
                IdempotencyKey = Key(),
            });
            await homeMemberApi.Events.RsvpAsync(new RsvpRequest { EventId = homeEvent, IdempotencyKey = Key() });
            var course = await node.CreateCourseAsync(home, 60);
            await home.Secretary.Notices.PublishNoticeAsync(Notice(V1.NoticeAudience.Branch, home.Branch));
            Api Unique(Seed seed, string who, RoleGrant grant) => seed.As(Seed.Next(who), grant);
            return new Scene
            {
                Home = home, Away = away, HomeMember = homeMember, HomeBranch2 = branch2, HomeOfficer = officer, HomeShop = homeShop,
                HomeRedemption = redemption, HomeEvent = homeEvent, HomeCourse = course.CourseId, AwayMember = awayMember, AwayShop = awayShop,
                Now = now, Today = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                HomeCallers = new Dictionary<string, Api>
                {
                    [Member] = homeMemberApi,
                    [Secretary] = Unique(home, "sec", new RoleGrant(Role.Secretary, home.Branch)),
                    [Leader] = Unique(home, "lead", new RoleGrant(Role.CommitteeLeader, home.Committee)),
                    [Admin] = Unique(home, "adm", new RoleGrant(Role.ParkAdmin, home.Park)),
                    [Staff] = homeShop.Staff,
                },
                AwayCallers = new Dictionary<string, Api>
                {
                    [Member] = awayMemberApi,
                    [Secretary] = Unique(away, "sec", new RoleGrant(Role.Secretary, away.Branch)),
                    [Leader] = Unique(away, "lead", new RoleGrant(Role.CommitteeLeader, away.Committee)),
                    [Admin] = Unique(away, "adm", new RoleGrant(Role.ParkAdmin, away.Park)),
                    [Staff] = awayShop.Staff,
                },
            };
        }

        /// <summary>A new event (ids fresh), organised by whoever <paramref name="organiser"/> names.</summary>
        public PublishEventRequest NewEvent(Action<PublishEventRequest> organiser)
        {
            var request = new PublishEventRequest
            {
                EventId = Seed.Next("ev"), Title = "主题党日", Place = "会堂", Capacity = 30,
                StartTime = Timestamp.FromDateTimeOffset(Now + TimeSpan.FromHours(1)), EndTime = Timestamp.FromDateTimeOffset(Now + TimeSpan.FromHours(3)),
                IdempotencyKey = Key(),
            };
            organiser(request);
            return request;
        }

        /// <summary>What a refused call must not change, in both parks.</summary>
        public async Task<string> SnapshotAsync()
        {
            var admin = Home.Admin;
            var parts = new List<IMessage>
            {
                await admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = Home.Park }),
                await Away.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = Away.Park }),
                await admin.Organization.GetParkAsync(new GetParkRequest { ParkId = Home.Park }),
                await admin.Organization.ListCommitteesAsync(new ListCommitteesRequest { ParkId = Home.Park }),
                await admin.Organization.ListBranchesAsync(new ListBranchesRequest { ParkId = Home.Park }),
                await admin.Organization.ListMembersAsync(new ListMembersRequest { ParkId = Home.Park }),
                await Away.Admin.Organization.ListMembersAsync(new ListMembersRequest { ParkId = Away.Park }),
                await admin.Organization.ListOfficersAsync(new ListOfficersRequest { ParkId = Home.Park }),
                await admin.Organization.GetMemberAsync(new GetMemberRequest { MemberId = HomeMember }),
                await admin.Points.ListLedgerAsync(new ListLedgerRequest { MemberId = HomeMember }),
                await Away.Admin.Points.ListLedgerAsync(new ListLedgerRequest { MemberId = AwayMember }),
                await admin.Rules.GetParkRulesAsync(new GetParkRulesRequest { ParkId = Home.Park }),
                await admin.Rules.GetCommitteeRulesAsync(new GetCommitteeRulesRequest { CommitteeId = Home.Committee }),
                await admin.Merchants.ListMerchantsAsync(new ListMerchantsRequest { ParkId = Home.Park }),
                await HomeShop.Staff.Merchants.ListCatalogAsync(new ListCatalogRequest { MerchantId = HomeShop.MerchantId }),
                await HomeShop.Staff.Redemptions.GetRedemptionAsync(new GetRedemptionRequest { RedemptionId = HomeRedemption.RedemptionId }),
                await admin.Events.ListAttendanceAsync(new ListAttendanceRequest { EventId = HomeEvent }),
                await admin.Events.ListEventsAsync(new ListEventsRequest { BranchId = Home.Branch }),
                await admin.Events.ListEventsAsync(new ListEventsRequest { CommitteeId = Home.Committee }),
                await admin.BackOffice.ListPendingTransfersAsync(new ListPendingTransfersRequest { BranchId = HomeBranch2 }),
                await admin.Notices.ListSentNoticesAsync(new ListSentNoticesRequest { Audience = V1.NoticeAudience.Branch, AudienceId = Home.Branch }),
                await admin.Courses.ListCoursesAsync(new ListCoursesRequest { MemberId = HomeMember }),
            };
            return string.Join('\n', parts);
        }
    }
}
