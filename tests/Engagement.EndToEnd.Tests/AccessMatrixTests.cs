using System.Runtime.CompilerServices;
using Engagement.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Engagement.EndToEnd;

/// <summary>
/// Inside one park, who may call what on whose resources. For every RPC (from the service descriptors) the table
/// declares, for each of five callers — a member of branch A, the secretary of branch A, the leader of committee 1
/// (branches A and B), a park admin and staff of merchant M1 — the answer to a call on each kind of target the RPC
/// takes: their own (member, branch, committee, merchant), another member of the same branch, a branch of the same
/// committee (B), a branch of another committee (C), another merchant (M2). The expectations are written from the
/// documented rules (the .proto comments, docs/errors.md), not recorded from the code. A refused call changes nothing:
/// the park's state (profiles, balances, ledgers, rosters, officers, rules, catalogues, redemptions, events, notices,
/// transfers, the audit trail) is the same before and after every refused cell of an RPC. Allowed writes act on fresh
/// resources, so no cell depends on another. A new RPC without an entry fails <see cref="EveryRpcHasAnAccessMatrixEntry"/>.
/// The other park's column is <see cref="ParkIsolationTests"/>.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class AccessMatrixTests(NodeFixture fixture)
{
    /// <summary>The callers, in the order of every expectation string.</summary>
    private static readonly string[] Roles = ["member", "secretary", "committee-leader", "park-admin", "merchant-staff"];

    private static readonly ConditionalWeakTable<TestNode, Task<Scene>> Scenes = [];

    // Each expectation lists the answer for: member of A, secretary of A, leader of committee 1, park admin, staff of M1.
    // ok = OK; no = PERMISSION_DENIED; a reason (e.g. REDEMPTION_NOT_FOUND, RN for short) = that reason and its status.
    // Member columns: own = the member of A themselves, mate = another member of A, sibling = a member of B (committee 1),
    // stranger = a member of C (committee 2).
    private static readonly Dictionary<string, Entry> Matrix = new(StringComparer.Ordinal)
    {
        // Organisation
        ["engagement.v1.OrganizationService/CreatePark"] = Rpc(
            // Only the admin role of the new park's id creates it: nobody here holds it.
            new Target("a new park id", _ => Seed.Next("park"), (_, r) => new CreateParkRequest { ParkId = r.Id, Name = "临港园区", TimeZone = "Asia/Shanghai", IdempotencyKey = Key() },
                "no no no no no")),
        ["engagement.v1.OrganizationService/GetPark"] = OnPark((_, r) => new GetParkRequest { ParkId = r.Id }, "ok ok ok ok ok"),
        ["engagement.v1.OrganizationService/CreateCommittee"] = OnPark(
            (_, r) => new CreateCommitteeRequest { ParkId = r.Id, CommitteeId = Seed.Next("com"), Name = "党委", IdempotencyKey = Key() }, "no no no ok no"),
        ["engagement.v1.OrganizationService/CreateBranch"] = OnCommittees(
            (_, r) => new CreateBranchRequest { CommitteeId = r.Id, BranchId = Seed.Next("br"), Name = "支部", IdempotencyKey = Key() },
            own: "no no no ok no", other: "no no no ok no"),
        ["engagement.v1.OrganizationService/RegisterMember"] = OnBranches(
            (_, r) => new RegisterMemberRequest { BranchId = r.Id, MemberId = Seed.Next("m"), DisplayName = "李四", Phone = "13900000000", IdempotencyKey = Key() },
            own: "no ok no ok no", sibling: "no no no ok no", stranger: "no no no ok no"),
        ["engagement.v1.OrganizationService/VerifyMember"] = OnMembers(
            (_, r) => new VerifyMemberRequest { MemberId = r.Id, IdempotencyKey = Key() },
            own: "no ok no ok no", mate: "no ok no ok no", sibling: "no no no ok no", stranger: "no no no ok no",
            fresh: (s, branch) => s.MemberAsync(branch, verified: false)),
        ["engagement.v1.OrganizationService/GetMember"] = OnMembers((_, r) => new GetMemberRequest { MemberId = r.Id }, ReadersOfAMember),
        ["engagement.v1.OrganizationService/SetMemberDisplayName"] = OnMembers(
            (_, r) => new SetMemberDisplayNameRequest { MemberId = r.Id, DisplayName = "改名", IdempotencyKey = Key() },
            own: "ok ok no ok no", mate: "no ok no ok no", sibling: "no no no ok no", stranger: "no no no ok no", fresh: Fresh),
        ["engagement.v1.OrganizationService/AppointOfficer"] = OnBranches(
            (s, r) => new AppointOfficerRequest { ParkId = s.Home.Park, Subject = Seed.Next("person"), DisplayName = "王书记", Role = OfficerRole.Secretary, ScopeId = r.Id, IdempotencyKey = Key() },
            own: "no no no ok no", sibling: "no no no ok no", stranger: "no no no ok no"),
        ["engagement.v1.OrganizationService/RevokeOfficer"] = Rpc(
            new Target("park (an officer of B)", s => s.Home.Park,
                (s, r) => new RevokeOfficerRequest { ParkId = r.Id, Subject = r.Member ?? s.Officer, Role = OfficerRole.Secretary, ScopeId = s.BranchB, IdempotencyKey = Key() },
                "no no no ok no", async s => new Ref(s.Home.Park, Member: await s.OfficerAsync()))),
        ["engagement.v1.OrganizationService/ListOfficers"] = Rpc(
            [
                new Target("park", s => s.Home.Park, (_, r) => new ListOfficersRequest { ParkId = r.Id }, "no no no ok no"),
                .. Branches((s, r) => new ListOfficersRequest { ParkId = s.Home.Park, ScopeId = r.Id },
                    own: "no ok no ok no", sibling: "no no no ok no", stranger: "no no no ok no"),
                .. Committees((s, r) => new ListOfficersRequest { ParkId = s.Home.Park, ScopeId = r.Id }, own: "no no ok ok no", other: "no no no ok no"),
            ]),
        ["engagement.v1.OrganizationService/GetCommittee"] = OnCommittees((_, r) => new GetCommitteeRequest { CommitteeId = r.Id },
            own: "ok ok ok ok no", other: "no no no ok no"),
        ["engagement.v1.OrganizationService/ListCommittees"] = OnPark((_, r) => new ListCommitteesRequest { ParkId = r.Id }, "no no no ok no"),
        ["engagement.v1.OrganizationService/GetBranch"] = OnBranches((_, r) => new GetBranchRequest { BranchId = r.Id },
            own: "ok ok ok ok no", sibling: "no no ok ok no", stranger: "no no no ok no"),
        ["engagement.v1.OrganizationService/ListBranches"] = Rpc(
            [
                .. Committees((_, r) => new ListBranchesRequest { CommitteeId = r.Id }, own: "no no ok ok no", other: "no no no ok no"),
                new Target("park", s => s.Home.Park, (_, r) => new ListBranchesRequest { ParkId = r.Id }, "no no no ok no"),
            ]),
        ["engagement.v1.OrganizationService/ListMembers"] = Rpc(
            [
                .. Branches((_, r) => new ListMembersRequest { BranchId = r.Id }, own: "no ok ok ok no", sibling: "no no ok ok no", stranger: "no no no ok no"),
                .. Committees((_, r) => new ListMembersRequest { CommitteeId = r.Id }, own: "no no ok ok no", other: "no no no ok no"),
                new Target("park", s => s.Home.Park, (_, r) => new ListMembersRequest { ParkId = r.Id }, "no no no ok no"),
            ]),

        // Points and rules
        ["engagement.v1.PointsService/CheckIn"] = OnMembers((_, r) => new CheckInRequest { MemberId = r.Id, IdempotencyKey = Key() }, OnlyThemselves, fresh: Fresh),
        ["engagement.v1.PointsService/GetBalance"] = OnMembers((_, r) => new GetBalanceRequest { MemberId = r.Id }, ReadersOfAMember),
        ["engagement.v1.PointsService/ListLedger"] = OnMembers((_, r) => new ListLedgerRequest { MemberId = r.Id }, ReadersOfAMember),
        ["engagement.v1.PointsService/GetDailyProgress"] = OnMembers((_, r) => new GetDailyProgressRequest { MemberId = r.Id }, ReadersOfAMember),
        ["engagement.v1.PointsService/AdjustPoints"] = OnMembers(
            (_, r) => new AdjustPointsRequest { MemberId = r.Id, Amount = 5, Reason = "补录", IdempotencyKey = Key() }, ManagersOfAMember, fresh: Fresh),
        ["engagement.v1.PointsService/CheckLedgerConsistency"] = OnPark((_, r) => new CheckLedgerConsistencyRequest { ParkId = r.Id }, "no no no ok no"),
        ["engagement.v1.RulesService/GetParkRules"] = OnPark((_, r) => new GetParkRulesRequest { ParkId = r.Id }, "no no no ok no"),
        ["engagement.v1.RulesService/SetParkRules"] = OnPark((_, r) => new SetParkRulesRequest { ParkId = r.Id, Rules = Rules(), IdempotencyKey = Key() }, "no no no ok no"),
        ["engagement.v1.RulesService/GetCommitteeRules"] = OnCommittees((_, r) => new GetCommitteeRulesRequest { CommitteeId = r.Id },
            own: "no no ok ok no", other: "no no no ok no"),
        ["engagement.v1.RulesService/SetCommitteeRules"] = OnCommittees(
            (_, r) => new SetCommitteeRulesRequest { CommitteeId = r.Id, Rules = Rules(), IdempotencyKey = Key() }, own: "no no no ok no", other: "no no no ok no"),
        ["engagement.v1.AuditService/ListAuditRecords"] = Rpc(
            [
                new Target("park", s => s.Home.Park, (_, r) => new ListAuditRecordsRequest { ParkId = r.Id }, "no no no ok no"),
                .. Branches((s, r) => new ListAuditRecordsRequest { ParkId = s.Home.Park, BranchId = r.Id },
                    own: "no ok no ok no", sibling: "no no no ok no", stranger: "no no no ok no"),
            ]),

        // Merchants and redemptions
        ["engagement.v1.MerchantService/CreateMerchant"] = OnPark(
            (_, r) => new CreateMerchantRequest { ParkId = r.Id, MerchantId = Seed.Next("mer"), Name = "茶馆", IdempotencyKey = Key() }, "no no no ok no"),
        ["engagement.v1.MerchantService/AddMerchantStaff"] = OnMerchants(
            (_, r) => new AddMerchantStaffRequest { MerchantId = r.Id, Subject = Seed.Next("clerk"), DisplayName = "店员", IdempotencyKey = Key() },
            own: "no no no ok no", other: "no no no ok no"),
        ["engagement.v1.MerchantService/RemoveMerchantStaff"] = OnMerchants(
            (s, r) => new RemoveMerchantStaffRequest { MerchantId = r.Id, Subject = r.Member ?? Scene.StaffSubject(r.Id), IdempotencyKey = Key() },
            own: "no no no ok no", other: "no no no ok no", fresh: async (s, merchant) => new Ref(merchant, Member: await s.StaffAsync(merchant))),
        ["engagement.v1.MerchantService/UpsertCatalogItem"] = OnMerchants((_, r) => new UpsertCatalogItemRequest
        {
            MerchantId = r.Id, Item = new V1.CatalogItem { ItemId = Seed.Next("item"), Name = "绿茶", PointsCost = 5 }, InitialStock = 10, IdempotencyKey = Key(),
        }, own: "no no no ok ok", other: "no no no ok no"),
        ["engagement.v1.MerchantService/RestockItem"] = OnMerchants(
            (_, r) => new RestockItemRequest { MerchantId = r.Id, ItemId = "latte", Delta = 5, IdempotencyKey = Key() }, own: "no no no ok ok", other: "no no no ok no"),
        // The catalogue: the park's members (active items), its merchant's staff and park admins (every item).
        ["engagement.v1.MerchantService/ListCatalog"] = OnMerchants((_, r) => new ListCatalogRequest { MerchantId = r.Id },
            own: "ok no no ok ok", other: "ok no no ok no"),
        // The park's members; park admins see what members see.
        ["engagement.v1.MerchantService/BrowseMerchants"] = OnPark((_, r) => new BrowseMerchantsRequest { ParkId = r.Id }, "ok no no ok no"),
        ["engagement.v1.MerchantService/ListMerchants"] = OnPark((_, r) => new ListMerchantsRequest { ParkId = r.Id }, "no no no ok no"),
        ["engagement.v1.MerchantService/GetSettlement"] = OnMerchants((_, r) => new GetSettlementRequest { MerchantId = r.Id },
            own: "no no no ok ok", other: "no no no ok no"),
        ["engagement.v1.RedemptionService/StartRedemption"] = OnMerchants(
            (_, r) => new StartRedemptionRequest { MerchantId = r.Id, ItemId = "latte", IdempotencyKey = Key() },
            // Only members redeem, at any merchant of their park.
            own: "ok no no no no", other: "ok no no no no", fresh: async (s, merchant) => await s.MemberAsync(s.BranchA) with { Id = merchant }),
        ["engagement.v1.RedemptionService/GetRedemption"] = OnRedemptions((_, r) => new GetRedemptionRequest { RedemptionId = r.Id },
            // The owner or staff of its merchant; for anyone else it does not exist (docs/errors.md).
            own: "ok RN RN RN ok", mate: "RN RN RN RN ok", other: "RN RN RN RN RN"),
        ["engagement.v1.RedemptionService/CancelRedemption"] = OnRedemptions((_, r) => new CancelRedemptionRequest { RedemptionId = r.Id, IdempotencyKey = Key() },
            own: "ok RN RN RN no", mate: "RN RN RN RN no", other: "RN RN RN RN RN",
            fresh: async (s, redemption) => await s.RedemptionAsync(s.MerchantOf(redemption), confirmed: false)),
        // The readers of GetRedemption: the owner with its code, staff of its merchant without (in every message).
        ["engagement.v1.RedemptionService/WatchRedemption"] = OnRedemptions((_, r) => new WatchRedemptionRequest { RedemptionId = r.Id },
            own: "ok RN RN RN ok", mate: "RN RN RN RN ok", other: "RN RN RN RN RN"),
        ["engagement.v1.RedemptionService/ValidateRedemption"] = OnRedemptionsAtTheirCounter(
            (_, r) => new ValidateRedemptionRequest { MerchantId = r.Merchant!, QrPayload = r.Code! }, own: "no no no no ok", other: "no no no no no"),
        ["engagement.v1.RedemptionService/ConfirmRedemption"] = OnRedemptionsAtTheirCounter(
            (_, r) => new ConfirmRedemptionRequest { MerchantId = r.Merchant!, QrPayload = r.Code!, IdempotencyKey = Key() }, own: "no no no no ok", other: "no no no no no",
            fresh: (s, merchant) => s.RedemptionAsync(merchant, confirmed: false)),
        ["engagement.v1.RedemptionService/RefundRedemption"] = Rpc(
            [
                new("own merchant", s => s.M1Completed.Id,
                    (_, r) => new RefundRedemptionRequest { MerchantId = r.Merchant!, RedemptionId = r.Id, IdempotencyKey = Key() }, "no no no no ok",
                    s => s.RedemptionAsync(s.M1.MerchantId, confirmed: true), s => s.M1Completed),
                new("other merchant", s => s.M2Completed.Id,
                    (_, r) => new RefundRedemptionRequest { MerchantId = r.Merchant!, RedemptionId = r.Id, IdempotencyKey = Key() }, "no no no no no",
                    scene: s => s.M2Completed),
            ]),
        ["engagement.v1.RedemptionService/ListRedemptions"] = Rpc(
            [
                .. Merchants((_, r) => new ListRedemptionsRequest { MerchantId = r.Id }, own: "no no no no ok", other: "no no no no no"),
                new("no merchant: the caller's own", _ => "", (_, _) => new ListRedemptionsRequest(), "ok no no no no"),
            ]),

        // Quiz, courses, events
        ["engagement.v1.QuizService/ImportQuestions"] = Rpc(
            [
                new("park", s => s.Home.Park, (_, r) => QuizClients.ImportInto(r.Id, Bank()), "no no no ok no"),
                .. Committees((_, r) => With(QuizClients.ImportInto("", Bank()), q => q.CommitteeId = r.Id), own: "no no no ok no", other: "no no no ok no"),
            ]),
        ["engagement.v1.QuizService/GetDailyQuiz"] = OnMembers((_, r) => new GetDailyQuizRequest { MemberId = r.Id }, OnlyThemselves),
        ["engagement.v1.QuizService/SubmitDailyQuiz"] = OnMembers((s, r) => Answers(s, r.Id), OnlyThemselves, fresh: Fresh),
        ["engagement.v1.CourseService/CreateCourse"] = OnPark((_, r) =>
        {
            var request = new CreateCourseRequest { ParkId = r.Id, CourseId = Seed.Next("course"), Title = "党史", IdempotencyKey = Key() };
            request.Episodes.Add(new Episode { EpisodeId = "e1", Title = "第一讲", DurationSeconds = 60 });
            return request;
        }, "no no no ok no"),
        ["engagement.v1.CourseService/GetCourse"] = Rpc(
            // Anyone with a role inside the course's park (docs/courses.md), merchant staff too.
            new Target("a course of the park", s => s.Course, (_, r) => new GetCourseRequest { CourseId = r.Id }, "ok ok ok ok ok")),
        ["engagement.v1.CourseService/ListCourses"] = OnMembers((_, r) => new ListCoursesRequest { MemberId = r.Id }, ReadersOfAMember),
        ["engagement.v1.CourseService/ReportProgress"] = OnMembers(
            (s, r) => new ReportProgressRequest { MemberId = r.Id, CourseId = s.Course, EpisodeId = "e1", PositionSeconds = 10, IdempotencyKey = Key() },
            OnlyThemselves, fresh: Fresh),
        ["engagement.v1.EventService/PublishEvent"] = Rpc(
            [
                .. Branches((s, r) => s.NewEvent(e => e.BranchId = r.Id), own: "no ok no ok no", sibling: "no no no ok no", stranger: "no no no ok no"),
                .. Committees((s, r) => s.NewEvent(e => e.CommitteeId = r.Id), own: "no no ok ok no", other: "no no no ok no"),
            ]),
        ["engagement.v1.EventService/ListUpcomingEvents"] = OnMembers((_, r) => new ListUpcomingEventsRequest { MemberId = r.Id }, OnlyThemselves),
        // Verified members of the event's audience, for themselves: the others name the own member and are refused.
        ["engagement.v1.EventService/Rsvp"] = OnEvents((s, r) => new RsvpRequest { EventId = r.Id, MemberId = r.Member ?? s.Own, IdempotencyKey = Key() },
            own: "ok no no no no", sibling: "no no no no no", stranger: "no no no no no", fresh: FreshAttendee),
        ["engagement.v1.EventService/CancelRsvp"] = OnEvents((s, r) => new CancelRsvpRequest { EventId = r.Id, MemberId = r.Member ?? s.Own, IdempotencyKey = Key() },
            own: "ok no no no no", sibling: "no no no no no", stranger: "no no no no no", fresh: FreshAttendee),
        ["engagement.v1.EventService/GetCheckInCode"] = OnEvents((_, r) => new GetCheckInCodeRequest { EventId = r.Id },
            // Organisers: the branch's secretary and park admins (who publish branch events).
            own: "no ok no ok no", sibling: "no no no ok no", stranger: "no no no ok no"),
        ["engagement.v1.EventService/CheckInToEvent"] = OnEvents(
            (s, r) => new CheckInToEventRequest { EventId = r.Id, MemberId = r.Member ?? s.Own, Code = r.Code ?? "123456", IdempotencyKey = Key() },
            own: "ok no no no no", sibling: "no no no no no", stranger: "no no no no no", fresh: FreshAttendee),
        ["engagement.v1.EventService/SendHeartbeat"] = OnEvents((s, r) => new SendHeartbeatRequest { EventId = r.Id, MemberId = r.Member ?? s.Own, IdempotencyKey = Key() },
            own: "ok no no no no", sibling: "no no no no no", stranger: "no no no no no", fresh: FreshAttendee),
        ["engagement.v1.EventService/ListEvents"] = Rpc(
            [
                .. Branches((_, r) => new ListEventsRequest { BranchId = r.Id }, own: "no ok ok ok no", sibling: "no no ok ok no", stranger: "no no no ok no"),
                .. Committees((_, r) => new ListEventsRequest { CommitteeId = r.Id }, own: "no no ok ok no", other: "no no no ok no"),
            ]),
        ["engagement.v1.EventService/ListAttendance"] = OnEvents((_, r) => new ListAttendanceRequest { EventId = r.Id },
            // Organisers, and for a branch event the leaders of its committee.
            own: "no ok ok ok no", sibling: "no no ok ok no", stranger: "no no no ok no"),

        // Leaderboards: members read their own branch's, committee's and park's boards; secretaries their branch's;
        // committee leaders their committee's and its branches'; park admins every board of the park.
        ["engagement.v1.LeaderboardService/GetLeaderboard"] = Rpc(
            [
                .. Branches((_, r) => Board(LeaderboardScope.BranchMembers, r.Id), own: "ok ok ok ok no", sibling: "no no ok ok no", stranger: "no no no ok no"),
                .. Committees((_, r) => Board(LeaderboardScope.CommitteeMembers, r.Id), own: "ok no ok ok no", other: "no no no ok no"),
                .. Committees((_, r) => Board(LeaderboardScope.CommitteeBranches, r.Id), own: "ok no ok ok no", other: "no no no ok no", what: "committee's branches board"),
                new("park board", s => s.Home.Park, (_, r) => Board(LeaderboardScope.ParkMembers, r.Id), "ok no no ok no"),
            ]),
        ["engagement.v1.LeaderboardService/GetMemberRank"] = Rpc(
            [
                .. Branches((s, r) => new GetMemberRankRequest { Scope = LeaderboardScope.BranchMembers, ScopeId = r.Id, Period = LeaderboardPeriod.All, MemberId = s.MemberOfBranch(r.Id) },
                    own: "ok ok ok ok no", sibling: "no no ok ok no", stranger: "no no no ok no"),
                new("park board", s => s.Home.Park,
                    (s, r) => new GetMemberRankRequest { Scope = LeaderboardScope.ParkMembers, ScopeId = r.Id, Period = LeaderboardPeriod.All, MemberId = s.Own }, "ok no no ok no"),
            ]),
        ["engagement.v1.LeaderboardService/WatchLeaderboard"] = Rpc(
            [
                .. Branches((_, r) => Watch(LeaderboardScope.BranchMembers, r.Id), own: "ok ok ok ok no", sibling: "no no ok ok no", stranger: "no no no ok no"),
                .. Committees((_, r) => Watch(LeaderboardScope.CommitteeMembers, r.Id), own: "ok no ok ok no", other: "no no no ok no"),
                new("park board", s => s.Home.Park, (_, r) => Watch(LeaderboardScope.ParkMembers, r.Id), "ok no no ok no"),
            ]),

        // Back office, notices, analytics, insights
        ["engagement.v1.BackOfficeService/DeactivateMember"] = OnMembers((_, r) => new DeactivateMemberRequest { MemberId = r.Id, IdempotencyKey = Key() },
            ManagersOfAMember, fresh: Fresh),
        ["engagement.v1.BackOfficeService/ReactivateMember"] = OnMembers((_, r) => new ReactivateMemberRequest { MemberId = r.Id, IdempotencyKey = Key() },
            ManagersOfAMember, fresh: async (s, branch) => await s.DeactivatedAsync(branch)),
        ["engagement.v1.BackOfficeService/RequestTransfer"] = OnMembers(
            (s, r) => new RequestTransferRequest { MemberId = r.Id, ToBranchId = s.BranchOf(r.Id) == s.BranchC ? s.BranchB : s.BranchC, IdempotencyKey = Key() },
            ManagersOfAMember, fresh: Fresh),
        ["engagement.v1.BackOfficeService/AcceptTransfer"] = OnTransfers((_, r) => new AcceptTransferRequest { MemberId = r.Id, IdempotencyKey = Key() }),
        ["engagement.v1.BackOfficeService/DeclineTransfer"] = OnTransfers((_, r) => new DeclineTransferRequest { MemberId = r.Id, IdempotencyKey = Key() }),
        ["engagement.v1.BackOfficeService/ListPendingTransfers"] = OnBranches((_, r) => new ListPendingTransfersRequest { BranchId = r.Id },
            own: "no ok no ok no", sibling: "no no no ok no", stranger: "no no no ok no"),
        ["engagement.v1.BackOfficeService/ImportRoster"] = OnBranches(
            (_, r) => new ImportRosterRequest { BranchId = r.Id, Csv = $"{Seed.Next("m")},赵六,13800000001,张江公司,2020-01-01\n", IdempotencyKey = Key() },
            own: "no ok no ok no", sibling: "no no no ok no", stranger: "no no no ok no"),
        ["engagement.v1.NoticeService/PublishNotice"] = Rpc(
            [
                new("park", s => s.Home.Park, (_, r) => Notice(V1.NoticeAudience.Park, r.Id), "no no no ok no"),
                .. Committees((_, r) => Notice(V1.NoticeAudience.Committee, r.Id), own: "no no ok ok no", other: "no no no ok no"),
                .. Branches((_, r) => Notice(V1.NoticeAudience.Branch, r.Id), own: "no ok ok ok no", sibling: "no no ok ok no", stranger: "no no no ok no"),
            ]),
        ["engagement.v1.NoticeService/ListSentNotices"] = Rpc(
            [
                new("park", s => s.Home.Park, (_, r) => new ListSentNoticesRequest { Audience = V1.NoticeAudience.Park, AudienceId = r.Id }, "no no no ok no"),
                .. Committees((_, r) => new ListSentNoticesRequest { Audience = V1.NoticeAudience.Committee, AudienceId = r.Id }, own: "no no ok ok no", other: "no no no ok no"),
                .. Branches((_, r) => new ListSentNoticesRequest { Audience = V1.NoticeAudience.Branch, AudienceId = r.Id },
                    own: "no ok ok ok no", sibling: "no no ok ok no", stranger: "no no no ok no"),
            ]),
        ["engagement.v1.NoticeService/ListFeed"] = Mine("the calling member's own feed: it names no resource"),
        ["engagement.v1.NoticeService/MarkNoticesRead"] = Mine("marks notices of the calling member's own feed; ids not in it are ignored"),
        ["engagement.v1.NoticeService/WatchFeed"] = Mine("the calling member's own feed, live: it names no resource"),
        ["engagement.v1.AnalyticsService/GetBranchAnalytics"] = OnBranches((_, r) => new GetBranchAnalyticsRequest { BranchId = r.Id },
            own: "no ok ok ok no", sibling: "no no ok ok no", stranger: "no no no ok no"),
        ["engagement.v1.AnalyticsService/GetCommitteeAnalytics"] = OnCommittees((_, r) => new GetCommitteeAnalyticsRequest { CommitteeId = r.Id },
            own: "no no ok ok no", other: "no no no ok no"),
        ["engagement.v1.InsightsService/GetMemberProfileStats"] = OnMembers((_, r) => new GetMemberProfileStatsRequest { MemberId = r.Id }, ReadersOfAMember),
        ["engagement.v1.InsightsService/GetRecommendations"] = OnMembers((_, r) => new GetRecommendationsRequest { MemberId = r.Id },
            // The member and the secretary of their branch.
            own: "ok ok no no no", mate: "no ok no no no", sibling: "no no no no no", stranger: "no no no no no"),
        ["engagement.v1.InsightsService/ListInactiveMembers"] = OnBranches((_, r) => new ListInactiveMembersRequest { BranchId = r.Id },
            own: "no ok ok ok no", sibling: "no no ok ok no", stranger: "no no no ok no"),
    };

    private TestNode Node => fixture.Node;

    /// <summary>The RPCs that name a resource (the others are the caller's own).</summary>
    public static TheoryData<string> TargetingRpcs => [.. Matrix.Where(c => c.Value.Targets.Length > 0).Select(c => c.Key)];

    /// <summary>Who reads a member's records: the member, their branch's secretary, their committee's leaders, park admins.</summary>
    private static string[] ReadersOfAMember => ["ok ok ok ok no", "no ok ok ok no", "no no ok ok no", "no no no ok no"];

    /// <summary>Who manages a member: their branch's secretary and park admins.</summary>
    private static string[] ManagersOfAMember => ["no ok no ok no", "no ok no ok no", "no no no ok no", "no no no ok no"];

    /// <summary>What only the member themselves does.</summary>
    private static string[] OnlyThemselves => ["ok no no no no", "no no no no no", "no no no no no", "no no no no no"];

    [Fact]
    public void EveryRpcHasAnAccessMatrixEntry()
    {
        var rpcs = ApiDescriptors.Methods.Select(ApiDescriptors.FullName).ToList();

        Assert.True(rpcs.Count >= 80, $"only {rpcs.Count} RPCs found in the descriptors");
        Assert.Empty(rpcs.Except(Matrix.Keys));
        Assert.Empty(Matrix.Keys.Except(rpcs));
        foreach (var (rpc, entry) in Matrix)
        {
            Assert.True(entry.Targets.Length > 0 || !string.IsNullOrWhiteSpace(entry.NoTarget), $"{rpc}: no target and no reason");
            foreach (var target in entry.Targets)
            {
                Assert.True(target.Expected.Length == Roles.Length, $"{rpc} on {target.Column}: {target.Expected.Length} answers for {Roles.Length} callers");
            }
        }
    }

    [Theory]
    [MemberData(nameof(TargetingRpcs))]
    public async Task EachCallerGetsTheDocumentedAnswerAndARefusalChangesNothing(string rpc)
    {
        var method = ApiDescriptors.Find(rpc);
        var write = ApiDescriptors.Writes.Contains(method);
        var scene = await Scenes.GetValue(Node, Scene.CreateAsync);
        var cells = Matrix[rpc].Targets.SelectMany(t => Roles.Select((role, i) => (Target: t, Role: role, Expected: t.Expected[i]))).ToList();
        var mismatches = new List<string>();

        // The refusals, all at once, between two snapshots: none may change anything.
        var before = await scene.SnapshotAsync();
        var refused = cells.Where(c => c.Expected.Code != StatusCode.OK).ToList();
        var answers = await Task.WhenAll(refused.Select(c => OutcomeAsync(scene.Callers[c.Role], method, c.Target.Request(scene, c.Target.SceneRef(scene)))));
        var after = await scene.SnapshotAsync();
        Assert.True(before == after, $"{rpc}: a refused call changed the park:\n{Diff(before, after)}");
        mismatches.AddRange(refused.Zip(answers).Where(p => !p.First.Expected.Matches(p.Second)).Select(p => Mismatch(p.First.Target, p.First.Role, p.First.Expected, p.Second)));

        // The allowed calls: reads on the scene's resources, writes on fresh ones.
        var allowed = cells.Where(c => c.Expected.Code == StatusCode.OK).ToList();
        var allowedAnswers = await Task.WhenAll(allowed.Select(async c =>
        {
            var target = write && c.Target.Fresh is not null ? await c.Target.Fresh(scene) : c.Target.SceneRef(scene);
            var caller = c.Role == Roles[0] && target.Self is not null ? target.Self : scene.Callers[c.Role];
            return await OutcomeAsync(caller, method, c.Target.Request(scene, target));
        }));
        mismatches.AddRange(allowed.Zip(allowedAnswers).Where(p => !p.First.Expected.Matches(p.Second)).Select(p => Mismatch(p.First.Target, p.First.Role, p.First.Expected, p.Second)));

        Assert.True(mismatches.Count == 0, $"{rpc}:\n{string.Join('\n', mismatches)}");
    }

    [Fact]
    public async Task StaffWatchingARedemptionNeverReceiveItsCode()
    {
        var scene = await Scenes.GetValue(Node, Scene.CreateAsync);
        var redemption = await scene.RedemptionAsync(scene.M1.MerchantId, confirmed: false);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var owner = redemption.Self!.Redemptions.WatchRedemption(new WatchRedemptionRequest { RedemptionId = redemption.Id }, cancellationToken: deadline.Token);
        using var staff = scene.M1.Staff.Redemptions.WatchRedemption(new WatchRedemptionRequest { RedemptionId = redemption.Id }, cancellationToken: deadline.Token);
        Assert.True(await owner.ResponseStream.MoveNext(deadline.Token));
        Assert.True(await staff.ResponseStream.MoveNext(deadline.Token));
        Assert.Equal(redemption.Code, owner.ResponseStream.Current.Redemption.QrPayload);
        Assert.Equal("", staff.ResponseStream.Current.Redemption.QrPayload);

        await redemption.Self.Redemptions.CancelRedemptionAsync(new CancelRedemptionRequest { RedemptionId = redemption.Id, IdempotencyKey = Key() });

        Assert.True(await owner.ResponseStream.MoveNext(deadline.Token));
        Assert.True(await staff.ResponseStream.MoveNext(deadline.Token));
        var (mine, theirs) = (owner.ResponseStream.Current.Redemption, staff.ResponseStream.Current.Redemption);
        Assert.Equal((V1.RedemptionStatus.Cancelled, redemption.Code), (mine.Status, mine.QrPayload));
        Assert.Equal((V1.RedemptionStatus.Cancelled, "", ""), (theirs.Status, theirs.Code, theirs.QrPayload));
    }

    private static string Mismatch(Target target, string role, Expected expected, Outcome outcome) => $"  {target.Column} as {role}: expected {expected}, answered {outcome}";

    private static string Diff(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        return string.Join('\n', a.Zip(b).Where(p => p.First != p.Second).Take(3).Select(p => $"- {p.First}\n+ {p.Second}"));
    }

    private static async Task<Outcome> OutcomeAsync(Api caller, Google.Protobuf.Reflection.MethodDescriptor method, IMessage request)
    {
        try
        {
            await caller.CallOrFirstAsync(method, request, TimeSpan.FromSeconds(10));
            return new Outcome(StatusCode.OK, null, "");
        }
        catch (RpcException e)
        {
            return new Outcome(e.StatusCode, e.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason, e.Status.Detail);
        }
    }

    // Targets by kind of resource, one per column.
    private static Target[] Members(Func<Scene, Ref, IMessage> request, string[] expected, Func<Scene, string, Task<Ref>>? fresh) =>
    [
        new("own member", s => s.Own, request, expected[0], FreshFor(fresh, s => s.BranchA)),
        new("another member of the same branch", s => s.Mate, request, expected[1], FreshFor(fresh, s => s.BranchA)),
        new("a member of another branch of the committee", s => s.Sibling, request, expected[2], FreshFor(fresh, s => s.BranchB)),
        new("a member of another committee", s => s.Stranger, request, expected[3], FreshFor(fresh, s => s.BranchC)),
    ];

    private static Target[] Branches(Func<Scene, Ref, IMessage> request, string own, string sibling, string stranger) =>
    [
        new("own branch", s => s.BranchA, request, own),
        new("another branch of the committee", s => s.BranchB, request, sibling),
        new("a branch of another committee", s => s.BranchC, request, stranger),
    ];

    private static Target[] Committees(Func<Scene, Ref, IMessage> request, string own, string other, string what = "committee") =>
    [
        new($"own {what}", s => s.Home.Committee, request, own),
        new($"another {what}", s => s.Committee2, request, other),
    ];

    private static Target[] Merchants(Func<Scene, Ref, IMessage> request, string own, string other, Func<Scene, string, Task<Ref>>? fresh = null) =>
    [
        new("own merchant", s => s.M1.MerchantId, request, own, fresh is null ? null : s => fresh(s, s.M1.MerchantId)),
        new("another merchant", s => s.M2.MerchantId, request, other, fresh is null ? null : s => fresh(s, s.M2.MerchantId)),
    ];

    private static Func<Scene, Task<Ref>>? FreshFor(Func<Scene, string, Task<Ref>>? fresh, Func<Scene, string> branch) =>
        fresh is null ? null : s => fresh(s, branch(s));

    private static Entry Rpc(params Target[] targets) => new(targets);

    private static Entry OnPark(Func<Scene, Ref, IMessage> request, string expected) => new([new Target("park", s => s.Home.Park, request, expected)]);

    private static Entry OnMembers(Func<Scene, Ref, IMessage> request, string own, string mate, string sibling, string stranger, Func<Scene, string, Task<Ref>>? fresh = null) =>
        new(Members(request, [own, mate, sibling, stranger], fresh));

    private static Entry OnMembers(Func<Scene, Ref, IMessage> request, string[] expected, Func<Scene, string, Task<Ref>>? fresh = null) =>
        new(Members(request, expected, fresh));

    private static Entry OnBranches(Func<Scene, Ref, IMessage> request, string own, string sibling, string stranger) => new(Branches(request, own, sibling, stranger));

    private static Entry OnCommittees(Func<Scene, Ref, IMessage> request, string own, string other) => new(Committees(request, own, other));

    private static Entry OnMerchants(Func<Scene, Ref, IMessage> request, string own, string other, Func<Scene, string, Task<Ref>>? fresh = null) =>
        new(Merchants(request, own, other, fresh));

    /// <summary>Pending redemptions: the member of A's own at M1, another member's at M1, another member's at M2.</summary>
    private static Entry OnRedemptions(Func<Scene, Ref, IMessage> request, string own, string mate, string other, Func<Scene, string, Task<Ref>>? fresh = null) => new(
    [
        new("own redemption at the own merchant", s => s.OwnPending.Id, request, Expand(own), fresh is null ? null : s => fresh(s, s.OwnPending.Id), s => s.OwnPending),
        new("another member's redemption at the own merchant", s => s.MatePending.Id, request, Expand(mate), fresh is null ? null : s => fresh(s, s.MatePending.Id), s => s.MatePending),
        new("a redemption at another merchant", s => s.OtherPending.Id, request, Expand(other), fresh is null ? null : s => fresh(s, s.OtherPending.Id), s => s.OtherPending),
    ]);

    /// <summary>A pending redemption presented at its own merchant's counter: M1's, M2's.</summary>
    private static Entry OnRedemptionsAtTheirCounter(Func<Scene, Ref, IMessage> request, string own, string other, Func<Scene, string, Task<Ref>>? fresh = null) => new(
    [
        new("own merchant", s => s.MatePending.Id, request, own, fresh is null ? null : s => fresh(s, s.M1.MerchantId), s => s.MatePending),
        new("another merchant", s => s.OtherPending.Id, request, other, fresh is null ? null : s => fresh(s, s.M2.MerchantId), s => s.OtherPending),
    ]);

    /// <summary>Events under way, streamed, of branch A, B and C.</summary>
    private static Entry OnEvents(Func<Scene, Ref, IMessage> request, string own, string sibling, string stranger, Func<Scene, string, Task<Ref>>? fresh = null) => new(
    [
        new("an event of the own branch", s => s.EventA, request, own, fresh is null ? null : s => fresh(s, s.EventA)),
        new("an event of another branch of the committee", s => s.EventB, request, sibling, fresh is null ? null : s => fresh(s, s.EventB)),
        new("an event of a branch of another committee", s => s.EventC, request, stranger, fresh is null ? null : s => fresh(s, s.EventC)),
    ]);

    /// <summary>Members whose transfer waits for branch A, B or C: the receiving branch's secretary or a park admin decides.</summary>
    private static Entry OnTransfers(Func<Scene, Ref, IMessage> request) => new(
    [
        new("a transfer into the own branch", s => s.TransferToA, request, "no ok no ok no", s => s.TransferAsync(s.BranchA)),
        new("a transfer into another branch of the committee", s => s.TransferToB, request, "no no no ok no", s => s.TransferAsync(s.BranchB)),
        new("a transfer into a branch of another committee", s => s.TransferToC, request, "no no no ok no", s => s.TransferAsync(s.BranchC)),
    ]);

    private static Entry Mine(string why) => new([], why);

    private static string Expand(string expected) => expected.Replace("RN", "REDEMPTION_NOT_FOUND", StringComparison.Ordinal);

    /// <summary>A fresh verified member with points in the branch, acting as themselves.</summary>
    private static Task<Ref> Fresh(Scene scene, string branch) => scene.MemberAsync(branch);

    /// <summary>A fresh verified member of the event's branch, acting as themselves; with an RSVP and the event's code.</summary>
    private static async Task<Ref> FreshAttendee(Scene scene, string eventId)
    {
        var member = await scene.MemberAsync(scene.BranchOfEvent(eventId));
        await member.Self!.Events.RsvpAsync(new RsvpRequest { EventId = eventId, IdempotencyKey = Key() });
        var code = await scene.Home.Admin.Events.GetCheckInCodeAsync(new GetCheckInCodeRequest { EventId = eventId });
        return new Ref(eventId, member.Id, code.Code, member.Self);
    }

    private static string Key() => Seed.Next("key");

    private static List<V1.Question> Bank() => QuizClients.Singles("mq", 5);

    private static SubmitDailyQuizRequest Answers(Scene scene, string member)
    {
        var request = new SubmitDailyQuizRequest { MemberId = member, Day = scene.Today, IdempotencyKey = Key() };
        request.Answers.AddRange(Bank().Select(q => new V1.QuizAnswer { QuestionId = q.QuestionId, ChosenOptions = { q.CorrectOptions } }));
        return request;
    }

    private static GetLeaderboardRequest Board(LeaderboardScope scope, string id) => new() { Scope = scope, ScopeId = id, Period = LeaderboardPeriod.All };

    private static WatchLeaderboardRequest Watch(LeaderboardScope scope, string id) => new() { Scope = scope, ScopeId = id, Period = LeaderboardPeriod.All };

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
        CheckInPoints = 5, StreakEvery = 7, StreakBonus = 5, QuizPointsPerCorrect = 1, QuizFullMarksBonus = 1, QuizDailyCap = 6,
        EpisodePoints = 1, EpisodeDailyCap = 6, EpisodeWatchedPercent = 90, CourseCompletedPoints = 5, EventOnSiteDefaultPoints = 3,
        EventRemoteMinutes = 30, EventRemotePercent = 50,
    };

    /// <summary>What a call answered.</summary>
    private sealed record Outcome(StatusCode Code, string? Reason, string Message)
    {
        public override string ToString() => Code == StatusCode.OK ? "OK" : $"{Code} {Reason}: {Message}";
    }

    /// <summary>An expected answer: OK, or a status with its ErrorInfo reason.</summary>
    private sealed record Expected(StatusCode Code, string? Reason)
    {
        public static Expected Parse(string token) => token switch
        {
            "ok" => new(StatusCode.OK, null),
            "no" => new(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied),
            _ when token.EndsWith("_NOT_FOUND", StringComparison.Ordinal) => new(StatusCode.NotFound, token),
            _ => throw new ArgumentException($"unknown expectation '{token}'", nameof(token)),
        };

        public bool Matches(Outcome outcome) => outcome.Code == Code && (Reason is null || outcome.Reason == Reason);

        public override string ToString() => Code == StatusCode.OK ? "OK" : $"{Code} {Reason}";
    }

    /// <summary>What a request names: the target's id, and for some calls a member, a code or the member's own clients.</summary>
    private sealed record Ref(string Id, string? Member = null, string? Code = null, Api? Self = null, string? Merchant = null);

    /// <summary>
    /// One column of an RPC's row: the scene's resource, the request naming it, the answers in <see cref="Roles"/>'
    /// order, and for allowed writes a fresh resource of the same kind (the member role then acts as its
    /// <see cref="Ref.Self"/> when it has one).
    /// </summary>
    private sealed record Target(string Column, Func<Scene, string> Id, Func<Scene, Ref, IMessage> Request, Expected[] Expected,
        Func<Scene, Task<Ref>>? Fresh = null, Func<Scene, Ref>? AtScene = null)
    {
        public Target(string column, Func<Scene, string> id, Func<Scene, Ref, IMessage> request, string expected,
            Func<Scene, Task<Ref>>? fresh = null, Func<Scene, Ref>? scene = null)
            : this(column, id, request, [.. expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(EndToEnd.AccessMatrixTests.Expected.Parse)], fresh, scene)
        {
        }

        public Ref SceneRef(Scene scene) => AtScene?.Invoke(scene) ?? new Ref(Id(scene));
    }

    /// <summary>An RPC's columns; none, with <see cref="NoTarget"/> saying why, for the calls that name no resource.</summary>
    private sealed record Entry(Target[] Targets, string? NoTarget = null);

    /// <summary>
    /// One park: committee 1 with branches A and B, committee 2 with branch C; members in A (own and mate), B and C with
    /// points; merchants M1 and M2 with staff and an item; pending redemptions (own and mate's at M1, mate's at M2) and a
    /// completed one at each; events under way in A, B and C; a course, a quiz bank, notices, an officer and transfers
    /// waiting for A, B and C. The callers: the own member, A's secretary, committee 1's leader, a park admin, M1's staff.
    /// </summary>
    private sealed class Scene
    {
        private readonly Dictionary<string, string> _branchOfMember = [];

        public required Seed Home { get; init; }

        public string BranchA => Home.Branch;

        public required string BranchB { get; init; }

        public required string BranchC { get; init; }

        public required string Committee2 { get; init; }

        public string Own { get; private set; } = "";

        public string Mate { get; private set; } = "";

        public string Sibling { get; private set; } = "";

        public string Stranger { get; private set; } = "";

        public required Counter M1 { get; init; }

        public required Counter M2 { get; init; }

        public Ref OwnPending { get; private set; } = null!;

        public Ref MatePending { get; private set; } = null!;

        public Ref OtherPending { get; private set; } = null!;

        public Ref M1Completed { get; private set; } = null!;

        public Ref M2Completed { get; private set; } = null!;

        public string EventA { get; private set; } = "";

        public string EventB { get; private set; } = "";

        public string EventC { get; private set; } = "";

        public string Course { get; private set; } = "";

        public string Officer { get; private set; } = "";

        public string TransferToA { get; private set; } = "";

        public string TransferToB { get; private set; } = "";

        public string TransferToC { get; private set; } = "";

        public required DateTimeOffset Now { get; init; }

        public required string Today { get; init; }

        public IReadOnlyDictionary<string, Api> Callers { get; private set; } = null!;

        public static async Task<Scene> CreateAsync(TestNode node)
        {
            var home = await Seed.CreateAsync(node);
            var committee2 = Seed.Next("com");
            await home.Admin.Organization.CreateCommitteeAsync(new CreateCommitteeRequest { ParkId = home.Park, CommitteeId = committee2, Name = "第二党委", IdempotencyKey = Key() });
            var (branchB, _) = await home.SecondBranchAsync();
            var branchC = Seed.Next("br");
            await home.Admin.Organization.CreateBranchAsync(new CreateBranchRequest { CommitteeId = committee2, BranchId = branchC, Name = "第三党支部", IdempotencyKey = Key() });
            var now = node.Time.GetUtcNow();
            var scene = new Scene
            {
                Home = home, BranchB = branchB, BranchC = branchC, Committee2 = committee2, Now = now,
                M1 = await Counter.OpenAsync(home), M2 = await Counter.OpenAsync(home),
                Today = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            };
            await home.Admin.Quiz.ImportQuestionsAsync(QuizClients.ImportInto(home.Park, Bank()));
            var own = await scene.MemberAsync(scene.BranchA);
            var mate = await scene.MemberAsync(scene.BranchA);
            (scene.Own, scene.Mate) = (own.Id, mate.Id);
            scene.Sibling = (await scene.MemberAsync(branchB)).Id;
            scene.Stranger = (await scene.MemberAsync(branchC)).Id;
            scene.OwnPending = await scene.RedemptionAsync(scene.M1.MerchantId, confirmed: false, own);
            scene.MatePending = await scene.RedemptionAsync(scene.M1.MerchantId, confirmed: false, mate);
            scene.OtherPending = await scene.RedemptionAsync(scene.M2.MerchantId, confirmed: false, mate);
            scene.M1Completed = await scene.RedemptionAsync(scene.M1.MerchantId, confirmed: true, mate);
            scene.M2Completed = await scene.RedemptionAsync(scene.M2.MerchantId, confirmed: true, mate);
            scene.EventA = await scene.EventAsync(scene.BranchA);
            scene.EventB = await scene.EventAsync(branchB);
            scene.EventC = await scene.EventAsync(branchC);
            await own.Self!.Events.RsvpAsync(new RsvpRequest { EventId = scene.EventA, IdempotencyKey = Key() });
            scene.Course = (await node.CreateCourseAsync(home, 60)).CourseId;
            await home.Admin.Notices.PublishNoticeAsync(Notice(V1.NoticeAudience.Branch, scene.BranchA));
            scene.Officer = await scene.OfficerAsync();
            scene.TransferToA = (await scene.TransferAsync(scene.BranchA)).Id;
            scene.TransferToB = (await scene.TransferAsync(branchB)).Id;
            scene.TransferToC = (await scene.TransferAsync(branchC)).Id;
            Api Unique(string who, RoleGrant grant) => home.As(Seed.Next(who), grant);
            scene.Callers = new Dictionary<string, Api>
            {
                [Roles[0]] = own.Self,
                [Roles[1]] = Unique("sec", new RoleGrant(Role.Secretary, scene.BranchA)),
                [Roles[2]] = Unique("lead", new RoleGrant(Role.CommitteeLeader, home.Committee)),
                [Roles[3]] = Unique("adm", new RoleGrant(Role.ParkAdmin, home.Park)),
                [Roles[4]] = scene.M1.Staff,
            };
            return scene;
        }

        public string BranchOf(string member) => _branchOfMember[member];

        public string BranchOfEvent(string eventId) => eventId == EventA ? BranchA : eventId == EventB ? BranchB : BranchC;

        public string MemberOfBranch(string branch) => branch == BranchA ? Own : branch == BranchB ? Sibling : Stranger;

        public string MerchantOf(string redemption) => redemption == OtherPending.Id ? M2.MerchantId : M1.MerchantId;

        public static string StaffSubject(string merchant) => $"clerk-{merchant}";

        /// <summary>A new member of <paramref name="branch"/> (verified, with 100 points unless not verified), acting as themselves.</summary>
        public async Task<Ref> MemberAsync(string branch, bool verified = true)
        {
            var id = Seed.Next("m");
            var admin = Home.Admin;
            await admin.Organization.RegisterMemberAsync(new RegisterMemberRequest { BranchId = branch, MemberId = id, DisplayName = "王小明", Phone = "13800000000", IdempotencyKey = Key() });
            if (verified)
            {
                await admin.Organization.VerifyMemberAsync(new VerifyMemberRequest { MemberId = id, IdempotencyKey = Key() });
                await admin.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = id, Amount = 100, Reason = "充值", IdempotencyKey = Key() });
            }

            lock (_branchOfMember)
            {
                _branchOfMember[id] = branch;
            }

            return new Ref(id, id, Self: Home.As(id, new RoleGrant(Role.Member, id)));
        }

        public async Task<Ref> DeactivatedAsync(string branch)
        {
            var member = await MemberAsync(branch);
            await Home.Admin.BackOffice.DeactivateMemberAsync(new DeactivateMemberRequest { MemberId = member.Id, IdempotencyKey = Key() });
            return member;
        }

        /// <summary>A member (of C, or of A for C) whose transfer into <paramref name="branch"/> waits.</summary>
        public async Task<Ref> TransferAsync(string branch)
        {
            var member = await MemberAsync(branch == BranchC ? BranchA : BranchC);
            await Home.Admin.BackOffice.RequestTransferAsync(new RequestTransferRequest { MemberId = member.Id, ToBranchId = branch, IdempotencyKey = Key() });
            return new Ref(member.Id);
        }

        /// <summary>A redemption at <paramref name="merchant"/> by a new member of A (or <paramref name="by"/>), pending or confirmed.</summary>
        public async Task<Ref> RedemptionAsync(string merchant, bool confirmed, Ref? by = null)
        {
            by ??= await MemberAsync(BranchA);
            var redemption = (await by.Self!.Redemptions.StartRedemptionAsync(new StartRedemptionRequest { MerchantId = merchant, ItemId = "latte", IdempotencyKey = Key() })).Redemption;
            if (confirmed)
            {
                var staff = merchant == M1.MerchantId ? M1.Staff : M2.Staff;
                await staff.Redemptions.ConfirmRedemptionAsync(new ConfirmRedemptionRequest { MerchantId = merchant, QrPayload = redemption.QrPayload, IdempotencyKey = Key() });
            }

            return new Ref(redemption.RedemptionId, by.Member, redemption.QrPayload, by.Self, merchant);
        }

        /// <summary>A new secretary of branch B appointed on the platform; their subject.</summary>
        public async Task<string> OfficerAsync()
        {
            var subject = Seed.Next("person");
            await Home.Admin.Organization.AppointOfficerAsync(new AppointOfficerRequest
            {
                ParkId = Home.Park, Subject = subject, DisplayName = "王书记", Role = OfficerRole.Secretary, ScopeId = BranchB, IdempotencyKey = Key(),
            });
            return subject;
        }

        /// <summary>A new staff member of <paramref name="merchant"/>; their subject.</summary>
        public async Task<string> StaffAsync(string merchant)
        {
            var subject = Seed.Next("clerk");
            await Home.Admin.Merchants.AddMerchantStaffAsync(new AddMerchantStaffRequest { MerchantId = merchant, Subject = subject, DisplayName = "店员", IdempotencyKey = Key() });
            return subject;
        }

        public PublishEventRequest NewEvent(Action<PublishEventRequest> organiser)
        {
            var request = new PublishEventRequest
            {
                EventId = Seed.Next("ev"), Title = "主题党日", Place = "会堂", Capacity = 1000,
                StartTime = Timestamp.FromDateTimeOffset(Now + TimeSpan.FromHours(1)), EndTime = Timestamp.FromDateTimeOffset(Now + TimeSpan.FromHours(3)),
                IdempotencyKey = Key(),
            };
            organiser(request);
            return request;
        }

        /// <summary>Every snapshot read, made by those allowed to read it.</summary>
        public async Task<string> SnapshotAsync()
        {
            var admin = Home.Admin;
            var members = new[] { Own, Mate, Sibling, Stranger, TransferToA, TransferToB, TransferToC };
            var branches = new[] { BranchA, BranchB, BranchC };
            var committees = new[] { Home.Committee, Committee2 };
            var reads = new List<Func<Task<IMessage>>>
            {
                async () => await admin.Organization.GetParkAsync(new GetParkRequest { ParkId = Home.Park }),
                async () => await admin.Organization.ListCommitteesAsync(new ListCommitteesRequest { ParkId = Home.Park, PageSize = 200 }),
                async () => await admin.Organization.ListBranchesAsync(new ListBranchesRequest { ParkId = Home.Park, PageSize = 200 }),
                async () => await admin.Organization.ListMembersAsync(new ListMembersRequest { ParkId = Home.Park, PageSize = 200 }),
                async () => await admin.Organization.ListOfficersAsync(new ListOfficersRequest { ParkId = Home.Park }),
                async () => await admin.Rules.GetParkRulesAsync(new GetParkRulesRequest { ParkId = Home.Park }),
                async () => await admin.Merchants.ListMerchantsAsync(new ListMerchantsRequest { ParkId = Home.Park, PageSize = 200 }),
                async () => await admin.Notices.ListSentNoticesAsync(new ListSentNoticesRequest { Audience = V1.NoticeAudience.Park, AudienceId = Home.Park }),
                async () => await admin.Courses.GetCourseAsync(new GetCourseRequest { CourseId = Course }),
                async () => await Callers[Roles[0]].Quiz.GetDailyQuizAsync(new GetDailyQuizRequest()),
            };
            foreach (var member in members)
            {
                reads.Add(async () => await admin.Organization.GetMemberAsync(new GetMemberRequest { MemberId = member }));
                reads.Add(async () => await admin.Points.ListLedgerAsync(new ListLedgerRequest { MemberId = member, PageSize = 100 }));
                reads.Add(async () => await admin.Points.GetBalanceAsync(new GetBalanceRequest { MemberId = member }));
                reads.Add(async () => await admin.Courses.ListCoursesAsync(new ListCoursesRequest { MemberId = member }));
            }

            foreach (var branch in branches)
            {
                reads.Add(async () => await admin.Events.ListEventsAsync(new ListEventsRequest { BranchId = branch, PageSize = 200 }));
                reads.Add(async () => await admin.BackOffice.ListPendingTransfersAsync(new ListPendingTransfersRequest { BranchId = branch }));
                reads.Add(async () => await admin.Notices.ListSentNoticesAsync(new ListSentNoticesRequest { Audience = V1.NoticeAudience.Branch, AudienceId = branch, PageSize = 200 }));
                reads.Add(async () => await admin.Organization.ListOfficersAsync(new ListOfficersRequest { ParkId = Home.Park, ScopeId = branch }));
            }

            foreach (var committee in committees)
            {
                reads.Add(async () => await admin.Organization.GetCommitteeAsync(new GetCommitteeRequest { CommitteeId = committee }));
                reads.Add(async () => await admin.Rules.GetCommitteeRulesAsync(new GetCommitteeRulesRequest { CommitteeId = committee }));
                reads.Add(async () => await admin.Events.ListEventsAsync(new ListEventsRequest { CommitteeId = committee, PageSize = 200 }));
                reads.Add(async () => await admin.Notices.ListSentNoticesAsync(new ListSentNoticesRequest { Audience = V1.NoticeAudience.Committee, AudienceId = committee, PageSize = 200 }));
            }

            foreach (var counter in new[] { M1, M2 })
            {
                reads.Add(async () => await admin.Merchants.ListCatalogAsync(new ListCatalogRequest { MerchantId = counter.MerchantId }));
                reads.Add(async () => await admin.Merchants.GetSettlementAsync(new GetSettlementRequest { MerchantId = counter.MerchantId }));
                reads.Add(async () => await counter.Staff.Redemptions.ListRedemptionsAsync(new ListRedemptionsRequest { MerchantId = counter.MerchantId, PageSize = 200 }));
            }

            foreach (var redemption in new[] { OwnPending, MatePending, OtherPending, M1Completed, M2Completed })
            {
                reads.Add(async () => await redemption.Self!.Redemptions.GetRedemptionAsync(new GetRedemptionRequest { RedemptionId = redemption.Id }));
            }

            foreach (var eventId in new[] { EventA, EventB, EventC })
            {
                reads.Add(async () => await admin.Events.ListAttendanceAsync(new ListAttendanceRequest { EventId = eventId }));
            }

            var parts = await Task.WhenAll(reads.Select(read => read()));
            return string.Join('\n', [.. parts.Select(p => p.ToString()), await AuditTrailAsync()]);
        }

        private async Task<string> AuditTrailAsync()
        {
            var records = new List<string>();
            var request = new ListAuditRecordsRequest { ParkId = Home.Park, PageSize = 200 };
            do
            {
                var page = await Home.Admin.Audit.ListAuditRecordsAsync(request);
                records.AddRange(page.Records.Select(r => r.ToString()));
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);
            return string.Join('\n', records);
        }

        private async Task<string> EventAsync(string branch)
        {
            var id = Seed.Next("ev");
            await Home.Admin.Events.PublishEventAsync(new PublishEventRequest
            {
                EventId = id, BranchId = branch, Title = "主题党日", Place = "会堂", Capacity = 1000, Streamed = true,
                StartTime = Timestamp.FromDateTimeOffset(Now - TimeSpan.FromMinutes(10)), EndTime = Timestamp.FromDateTimeOffset(Now + TimeSpan.FromHours(2)),
                IdempotencyKey = Key(),
            });
            return id;
        }
    }
}
