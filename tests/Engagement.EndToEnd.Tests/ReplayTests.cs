using Engagement.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Engagement.EndToEnd;

/// <summary>
/// Every write RPC (from the service descriptors: a unary RPC whose request has an idempotency_key) replayed: the same
/// key with the same request returns the first result; the same key with another request is refused; the same key
/// replayed by someone of another branch or park never gets the first result. Nothing of those refusals is recorded.
/// A new write RPC without a case here fails <see cref="EveryWriteRpcHasAReplayCase"/>.
/// </summary>
[Collection(NodeCollection.Name)]
public sealed class ReplayTests(NodeFixture fixture)
{
    private static readonly Dictionary<string, ReplayCase> Cases = new(StringComparer.Ordinal)
    {
        ["engagement.v1.OrganizationService/CreatePark"] = new(
            async s =>
            {
                var park = Seed.Next("park");
                return new(s.Home.As("founder", new RoleGrant(Role.ParkAdmin, park)),
                    new CreateParkRequest { ParkId = park, Name = "临港园区", TimeZone = "Asia/Shanghai", IdempotencyKey = Key() });
            },
            r => With<CreateParkRequest>(r, x => x.Name = "另一个园区"),
            (s, c) => [new(s.Away.Admin, c.Request)],
            DifferentRequest: (StatusCode.AlreadyExists, ErrorReasons.ParkExists)),
        ["engagement.v1.OrganizationService/CreateCommittee"] = new(
            s => Task.FromResult(new Call(s.Home.Admin, new CreateCommitteeRequest { ParkId = s.Home.Park, CommitteeId = Seed.Next("com"), Name = "党委", IdempotencyKey = Key() })),
            r => With<CreateCommitteeRequest>(r, x => x.Name = "另一个党委"),
            (s, c) => [new(s.Away.Admin, c.Request), new(s.Away.Admin, With<CreateCommitteeRequest>(c.Request, x => x.ParkId = s.Away.Park))],
            DifferentRequest: (StatusCode.AlreadyExists, ErrorReasons.CommitteeExists)),
        ["engagement.v1.OrganizationService/CreateBranch"] = new(
            s => Task.FromResult(new Call(s.Home.Admin, new CreateBranchRequest { CommitteeId = s.Home.Committee, BranchId = Seed.Next("br"), Name = "支部", IdempotencyKey = Key() })),
            r => With<CreateBranchRequest>(r, x => x.Name = "另一个支部"),
            (s, c) => [new(s.Away.Admin, c.Request), new(s.Away.Admin, With<CreateBranchRequest>(c.Request, x => x.CommitteeId = s.Away.Committee))],
            DifferentRequest: (StatusCode.AlreadyExists, ErrorReasons.BranchExists)),
        ["engagement.v1.OrganizationService/RegisterMember"] = new(
            s => Task.FromResult(new Call(s.Home.Secretary, new RegisterMemberRequest
            {
                BranchId = s.Home.Branch, MemberId = Seed.Next("m"), DisplayName = "李四", Phone = "13900000000", IdempotencyKey = Key(),
            })),
            r => With<RegisterMemberRequest>(r, x => x.Phone = "13911111111"),
            (s, c) =>
            [
                new(s.Away.Secretary, c.Request),
                new(s.Away.Secretary, With<RegisterMemberRequest>(c.Request, x => x.BranchId = s.Away.Branch)),
                new(s.Secretary2, With<RegisterMemberRequest>(c.Request, x => x.BranchId = s.Branch2)),
            ],
            DifferentRequest: (StatusCode.AlreadyExists, ErrorReasons.MemberExists)),
        ["engagement.v1.OrganizationService/VerifyMember"] = new(
            async s => new(s.Home.Secretary, new VerifyMemberRequest { MemberId = (await s.Home.MemberAsync(verified: false)).Id, IdempotencyKey = Key() }),
            null,
            (s, c) => [new(s.Away.Secretary, c.Request), new(s.Secretary2, c.Request)]),
        ["engagement.v1.OrganizationService/SetMemberDisplayName"] = new(
            s => Task.FromResult(new Call(s.Home.Secretary, new SetMemberDisplayNameRequest { MemberId = s.MemberId, DisplayName = "小李", IdempotencyKey = Key() })),
            r => With<SetMemberDisplayNameRequest>(r, x => x.DisplayName = "老李"),
            (s, c) => [new(s.Away.Secretary, c.Request), new(s.Secretary2, c.Request)]),
        ["engagement.v1.OrganizationService/AppointOfficer"] = new(
            s => Task.FromResult(new Call(s.Home.Admin, new AppointOfficerRequest
            {
                ParkId = s.Home.Park, Subject = Seed.Next("person"), DisplayName = "王书记", Role = OfficerRole.Secretary, ScopeId = s.Home.Branch, IdempotencyKey = Key(),
            })),
            r => With<AppointOfficerRequest>(r, x => x.DisplayName = "王副书记"),
            (s, c) => [new(s.Away.Admin, c.Request)]),
        ["engagement.v1.OrganizationService/RevokeOfficer"] = new(
            async s =>
            {
                var subject = Seed.Next("person");
                await s.Home.Admin.Organization.AppointOfficerAsync(new AppointOfficerRequest
                {
                    ParkId = s.Home.Park, Subject = subject, DisplayName = "王书记", Role = OfficerRole.Secretary, ScopeId = s.Home.Branch, IdempotencyKey = Key(),
                });
                return new(s.Home.Admin, new RevokeOfficerRequest { ParkId = s.Home.Park, Subject = subject, Role = OfficerRole.Secretary, ScopeId = s.Home.Branch, IdempotencyKey = Key() });
            },
            r => With<RevokeOfficerRequest>(r, x => (x.Role, x.ScopeId) = (OfficerRole.CommitteeLeader, x.ScopeId + "-x")),
            (s, c) => [new(s.Away.Admin, c.Request)]),
        ["engagement.v1.PointsService/CheckIn"] = new(
            s => Task.FromResult(new Call(s.MemberApi, new CheckInRequest { IdempotencyKey = Key() })),
            null,
            (s, c) => [new(s.AwayMemberApi, With<CheckInRequest>(c.Request, x => x.MemberId = s.MemberId)), new(s.Away.Secretary, With<CheckInRequest>(c.Request, x => x.MemberId = s.MemberId))]),
        ["engagement.v1.PointsService/AdjustPoints"] = new(
            s => Task.FromResult(new Call(s.Home.Secretary, new AdjustPointsRequest { MemberId = s.MemberId, Amount = 5, Reason = "补录", IdempotencyKey = Key() })),
            r => With<AdjustPointsRequest>(r, x => x.Amount = 6),
            (s, c) => [new(s.Away.Secretary, c.Request), new(s.Secretary2, c.Request)]),
        ["engagement.v1.RulesService/SetParkRules"] = new(
            s => Task.FromResult(new Call(s.Home.Admin, new SetParkRulesRequest { ParkId = s.Home.Park, Rules = Rules(2), IdempotencyKey = Key() })),
            r => With<SetParkRulesRequest>(r, x => x.Rules = Rules(3)),
            (s, c) => [new(s.Away.Admin, c.Request)]),
        ["engagement.v1.RulesService/SetCommitteeRules"] = new(
            s => Task.FromResult(new Call(s.Home.Admin, new SetCommitteeRulesRequest { CommitteeId = s.Home.Committee, Rules = Rules(2), IdempotencyKey = Key() })),
            r => With<SetCommitteeRulesRequest>(r, x => x.Rules = Rules(3)),
            (s, c) => [new(s.Away.Admin, c.Request)]),
        ["engagement.v1.BackOfficeService/DeactivateMember"] = new(
            s => Task.FromResult(new Call(s.Home.Secretary, new DeactivateMemberRequest { MemberId = s.MemberId, IdempotencyKey = Key() })),
            null,
            (s, c) => [new(s.Away.Secretary, c.Request), new(s.Secretary2, c.Request)]),
        ["engagement.v1.BackOfficeService/ReactivateMember"] = new(
            async s =>
            {
                await s.Home.Secretary.BackOffice.DeactivateMemberAsync(new DeactivateMemberRequest { MemberId = s.MemberId, IdempotencyKey = Key() });
                return new(s.Home.Secretary, new ReactivateMemberRequest { MemberId = s.MemberId, IdempotencyKey = Key() });
            },
            null,
            (s, c) => [new(s.Away.Secretary, c.Request), new(s.Secretary2, c.Request)]),
        ["engagement.v1.BackOfficeService/RequestTransfer"] = new(
            s => Task.FromResult(new Call(s.Home.Secretary, new RequestTransferRequest { MemberId = s.MemberId, ToBranchId = s.Branch2, IdempotencyKey = Key() })),
            r => With<RequestTransferRequest>(r, x => x.ToBranchId = x.ToBranchId + "-x"),
            (s, c) => [new(s.Away.Secretary, c.Request), new(s.Secretary2, c.Request)]),
        ["engagement.v1.BackOfficeService/AcceptTransfer"] = new(
            async s =>
            {
                await s.Home.Secretary.BackOffice.RequestTransferAsync(new RequestTransferRequest { MemberId = s.MemberId, ToBranchId = s.Branch2, IdempotencyKey = Key() });
                return new(s.Secretary2, new AcceptTransferRequest { MemberId = s.MemberId, IdempotencyKey = Key() });
            },
            null,
            (s, c) => [new(s.Away.Secretary, c.Request)]),
        ["engagement.v1.BackOfficeService/DeclineTransfer"] = new(
            async s =>
            {
                await s.Home.Secretary.BackOffice.RequestTransferAsync(new RequestTransferRequest { MemberId = s.MemberId, ToBranchId = s.Branch2, IdempotencyKey = Key() });
                return new(s.Secretary2, new DeclineTransferRequest { MemberId = s.MemberId, IdempotencyKey = Key() });
            },
            null,
            (s, c) => [new(s.Away.Secretary, c.Request), new(s.Home.Secretary, c.Request)]),
        ["engagement.v1.BackOfficeService/ImportRoster"] = new(
            s => Task.FromResult(new Call(s.Home.Secretary, new ImportRosterRequest { BranchId = s.Home.Branch, Csv = $"{Seed.Next("m")},赵六,13800000001,张江公司,2020-01-01\n", IdempotencyKey = Key() })),
            r => With<ImportRosterRequest>(r, x => x.Csv = $"{Seed.Next("m")},钱七,13800000002,张江公司,2020-01-01\n"),
            (s, c) => [new(s.Away.Secretary, c.Request), new(s.Secretary2, c.Request)]),
        ["engagement.v1.MerchantService/CreateMerchant"] = new(
            s => Task.FromResult(new Call(s.Home.Admin, new CreateMerchantRequest { ParkId = s.Home.Park, MerchantId = Seed.Next("mer"), Name = "咖啡馆", IdempotencyKey = Key() })),
            r => With<CreateMerchantRequest>(r, x => x.Name = "茶馆"),
            (s, c) => [new(s.Away.Admin, c.Request), new(s.Away.Admin, With<CreateMerchantRequest>(c.Request, x => x.ParkId = s.Away.Park))],
            DifferentRequest: (StatusCode.AlreadyExists, ErrorReasons.MerchantExists)),
        ["engagement.v1.MerchantService/AddMerchantStaff"] = new(
            async s => new(s.Home.Admin, new AddMerchantStaffRequest { MerchantId = (await s.ShopAsync()).MerchantId, Subject = "clerk-2", DisplayName = "店员二", IdempotencyKey = Key() }),
            r => With<AddMerchantStaffRequest>(r, x => x.DisplayName = "店员三"),
            (s, c) => [new(s.Away.Admin, c.Request)]),
        ["engagement.v1.MerchantService/RemoveMerchantStaff"] = new(
            async s =>
            {
                var shop = await s.ShopAsync();
                return new(s.Home.Admin, new RemoveMerchantStaffRequest { MerchantId = shop.MerchantId, Subject = $"clerk-{shop.MerchantId}", IdempotencyKey = Key() });
            },
            r => With<RemoveMerchantStaffRequest>(r, x => x.Subject = "somebody-else"),
            (s, c) => [new(s.Away.Admin, c.Request)]),
        ["engagement.v1.MerchantService/UpsertCatalogItem"] = new(
            async s =>
            {
                var shop = await s.ShopAsync();
                return new(shop.Staff, new UpsertCatalogItemRequest
                {
                    MerchantId = shop.MerchantId, Item = new V1.CatalogItem { ItemId = "tea", Name = "绿茶", PointsCost = 5 }, InitialStock = 10, IdempotencyKey = Key(),
                });
            },
            r => With<UpsertCatalogItemRequest>(r, x => x.Item.Name = "红茶"),
            (s, c) => [new(s.Away.Admin, c.Request)]),
        ["engagement.v1.MerchantService/RestockItem"] = new(
            async s =>
            {
                var shop = await s.ShopAsync();
                return new(shop.Staff, new RestockItemRequest { MerchantId = shop.MerchantId, ItemId = shop.ItemId, Delta = 5, IdempotencyKey = Key() });
            },
            r => With<RestockItemRequest>(r, x => x.Delta = 6),
            (s, c) => [new(s.Away.Admin, c.Request)]),
        ["engagement.v1.RedemptionService/StartRedemption"] = new(
            async s =>
            {
                var shop = await s.ShopAsync();
                return new(s.MemberApi, new StartRedemptionRequest { MerchantId = shop.MerchantId, ItemId = shop.ItemId, IdempotencyKey = Key() });
            },
            r => With<StartRedemptionRequest>(r, x => x.ItemId = "espresso"),
            (s, c) => [new(s.AwayMemberApi, c.Request)]),
        ["engagement.v1.RedemptionService/CancelRedemption"] = new(
            async s =>
            {
                var redemption = await (await s.ShopAsync()).StartAsync(s.MemberApi);
                return new(s.MemberApi, new CancelRedemptionRequest { RedemptionId = redemption.RedemptionId, IdempotencyKey = Key() });
            },
            null,
            (s, c) => [new(s.AwayMemberApi, c.Request)]),
        ["engagement.v1.RedemptionService/ConfirmRedemption"] = new(
            async s =>
            {
                var shop = await s.ShopAsync();
                var redemption = await shop.StartAsync(s.MemberApi);
                return new(shop.Staff, new ConfirmRedemptionRequest { MerchantId = shop.MerchantId, Code = redemption.Code, IdempotencyKey = Key() });
            },
            null,
            (s, c) => [new(s.Away.Admin, c.Request)]),
        ["engagement.v1.RedemptionService/RefundRedemption"] = new(
            async s =>
            {
                var shop = await s.ShopAsync();
                var redemption = await shop.StartAsync(s.MemberApi);
                await shop.Staff.Redemptions.ConfirmRedemptionAsync(new ConfirmRedemptionRequest { MerchantId = shop.MerchantId, Code = redemption.Code, IdempotencyKey = Key() });
                return new(shop.Staff, new RefundRedemptionRequest { MerchantId = shop.MerchantId, RedemptionId = redemption.RedemptionId, IdempotencyKey = Key() });
            },
            null,
            (s, c) => [new(s.Away.Admin, c.Request)]),
        ["engagement.v1.QuizService/ImportQuestions"] = new(
            s => Task.FromResult(new Call(s.Home.Admin, QuizClients.ImportInto(s.Home.Park, QuizClients.Singles("q", 5)))),
            r => With<ImportQuestionsRequest>(r, x => x.Questions[0].Stem = "改过的题目"),
            (s, c) => [new(s.Away.Admin, c.Request)],
            DifferentRequest: (StatusCode.InvalidArgument, ErrorReasons.QuizImportKeyReused)),
        ["engagement.v1.QuizService/SubmitDailyQuiz"] = new(
            async s =>
            {
                var bank = QuizClients.Singles("q", 5);
                await s.Home.Admin.Quiz.ImportQuestionsAsync(QuizClients.ImportInto(s.Home.Park, bank));
                var quiz = await s.MemberApi.Quiz.GetDailyQuizAsync(new GetDailyQuizRequest());
                return new(s.MemberApi, QuizClients.Answers(quiz, bank, Key()));
            },
            r => With<SubmitDailyQuizRequest>(r, x => x.Answers[0].ChosenOptions[0] = (x.Answers[0].ChosenOptions[0] + 1) % 4),
            (s, c) => [new(s.AwayMemberApi, With<SubmitDailyQuizRequest>(c.Request, x => x.MemberId = s.MemberId))]),
        ["engagement.v1.CourseService/CreateCourse"] = new(
            s =>
            {
                var request = new CreateCourseRequest { ParkId = s.Home.Park, CourseId = Seed.Next("course"), Title = "党史", IdempotencyKey = Key() };
                request.Episodes.Add(new Episode { EpisodeId = "e1", Title = "第一讲", DurationSeconds = 60 });
                return Task.FromResult(new Call(s.Home.Admin, request));
            },
            r => With<CreateCourseRequest>(r, x => x.Title = "新中国史"),
            (s, c) => [new(s.Away.Admin, c.Request), new(s.Away.Admin, With<CreateCourseRequest>(c.Request, x => x.ParkId = s.Away.Park))],
            DifferentRequest: (StatusCode.AlreadyExists, ErrorReasons.CourseExists)),
        ["engagement.v1.CourseService/ReportProgress"] = new(
            async s => new(s.MemberApi, new ReportProgressRequest
            {
                CourseId = (await s.Node.CreateCourseAsync(s.Home, 60)).CourseId, EpisodeId = "e1", PositionSeconds = 0, IdempotencyKey = Key(),
            }),
            r => With<ReportProgressRequest>(r, x => x.PositionSeconds = 10),
            (s, c) => [new(s.AwayMemberApi, With<ReportProgressRequest>(c.Request, x => x.MemberId = s.MemberId))]),
        ["engagement.v1.EventService/PublishEvent"] = new(
            s => Task.FromResult(new Call(s.Home.Secretary, s.BranchEvent(s.Home.Branch))),
            r => With<PublishEventRequest>(r, x => x.Title = "另一个活动"),
            (s, c) =>
            [
                new(s.Away.Secretary, c.Request),
                new(s.Away.Secretary, With<PublishEventRequest>(c.Request, x => x.BranchId = s.Away.Branch)),
                new(s.Secretary2, With<PublishEventRequest>(c.Request, x => x.BranchId = s.Branch2)),
            ],
            DifferentRequest: (StatusCode.AlreadyExists, ErrorReasons.EventExists)),
        ["engagement.v1.EventService/Rsvp"] = new(
            async s => new(s.MemberApi, new RsvpRequest { EventId = await s.EventAsync(), IdempotencyKey = Key() }),
            null,
            (s, c) => [new(s.AwayMemberApi, With<RsvpRequest>(c.Request, x => x.MemberId = s.MemberId))]),
        ["engagement.v1.EventService/CancelRsvp"] = new(
            async s =>
            {
                var eventId = await s.EventAsync();
                await s.MemberApi.Events.RsvpAsync(new RsvpRequest { EventId = eventId, IdempotencyKey = Key() });
                return new(s.MemberApi, new CancelRsvpRequest { EventId = eventId, IdempotencyKey = Key() });
            },
            null,
            (s, c) => [new(s.AwayMemberApi, With<CancelRsvpRequest>(c.Request, x => x.MemberId = s.MemberId))]),
        ["engagement.v1.EventService/CheckInToEvent"] = new(
            async s =>
            {
                var eventId = await s.EventAsync();
                var code = await s.Home.Secretary.Events.GetCheckInCodeAsync(new GetCheckInCodeRequest { EventId = eventId });
                return new(s.MemberApi, new CheckInToEventRequest { EventId = eventId, Code = code.Code, IdempotencyKey = Key() });
            },
            null,
            (s, c) => [new(s.AwayMemberApi, With<CheckInToEventRequest>(c.Request, x => x.MemberId = s.MemberId))]),
        ["engagement.v1.EventService/SendHeartbeat"] = new(
            async s => new(s.MemberApi, new SendHeartbeatRequest { EventId = await s.EventAsync(streamed: true), IdempotencyKey = Key() }),
            null,
            (s, c) => [new(s.AwayMemberApi, With<SendHeartbeatRequest>(c.Request, x => x.MemberId = s.MemberId))]),
        ["engagement.v1.NoticeService/PublishNotice"] = new(
            s => Task.FromResult(new Call(s.Home.Secretary, new PublishNoticeRequest
            {
                Audience = V1.NoticeAudience.Branch, AudienceId = s.Home.Branch, Title = "学习通知", Body = "周五学习。", IdempotencyKey = Key(),
            })),
            r => With<PublishNoticeRequest>(r, x => x.Body = "周六学习。"),
            (s, c) => [new(s.Away.Secretary, c.Request), new(s.Secretary2, c.Request)]),
    };

    private TestNode Node => fixture.Node;

    public static TheoryData<string> WriteRpcs => [.. Cases.Keys];

    [Fact]
    public void EveryWriteRpcHasAReplayCase()
    {
        var writes = ApiDescriptors.Writes.Select(ApiDescriptors.FullName).ToList();

        Assert.True(writes.Count >= 36, $"only {writes.Count} write RPCs found in the descriptors");
        Assert.Empty(writes.Except(Cases.Keys));
        Assert.Empty(Cases.Keys.Except(writes));
    }

    [Theory]
    [MemberData(nameof(WriteRpcs))]
    public async Task AReplayReturnsTheFirstResultOnlyForTheSameRequestAndCaller(string rpc)
    {
        var method = ApiDescriptors.Find(rpc);
        var replay = Cases[rpc];
        var scene = await Scene.CreateAsync(Node);
        var call = await replay.Arrange(scene);

        var first = await call.Caller.CallAsync(method, call.Request);
        var retry = await call.Caller.CallAsync(method, call.Request);

        Assert.Equal(first, retry);
        if (replay.Different?.Invoke(call.Request) is { } different)
        {
            var before = await scene.SnapshotAsync();
            var (code, reason) = replay.DifferentRequest ?? (StatusCode.AlreadyExists, ErrorReasons.IdempotencyKeyReused);
            await RpcAssert.FailsAsync(code, reason, () => call.Caller.CallAsync(method, different));
            Assert.Equal(before, await scene.SnapshotAsync());
        }

        foreach (var outsider in replay.Outsiders(scene, call))
        {
            var before = await scene.SnapshotAsync();
            var error = await Assert.ThrowsAsync<RpcException>(() => outsider.Caller.CallAsync(method, outsider.Request));
            Assert.True(error.StatusCode is StatusCode.NotFound or StatusCode.PermissionDenied or StatusCode.AlreadyExists,
                $"{outsider.Request} answered {error.Status}");
            Assert.Equal(before, await scene.SnapshotAsync());
        }

        // The refusals changed nothing: the key still answers its first result.
        Assert.Equal(first, await call.Caller.CallAsync(method, call.Request));
    }

    private static string Key() => Seed.Next("key");

    private static T With<T>(IMessage request, Action<T> change)
        where T : IMessage<T>
    {
        var copy = ((T)request).Clone();
        change(copy);
        return copy;
    }

    private static V1.PointsRules Rules(long checkInPoints) => new()
    {
        CheckInPoints = checkInPoints, StreakEvery = 7, StreakBonus = 5, QuizPointsPerCorrect = 1, QuizFullMarksBonus = 1, QuizDailyCap = 6,
        EpisodePoints = 1, EpisodeDailyCap = 6, EpisodeWatchedPercent = 90, CourseCompletedPoints = 5, EventOnSiteDefaultPoints = 3,
        EventRemoteMinutes = 30, EventRemotePercent = 50,
    };

    /// <summary>A write: who calls, with what.</summary>
    private sealed record Call(Api Caller, IMessage Request);

    /// <summary>
    /// One write RPC's replay case: the first call (after arranging what it needs), the same key with another request
    /// (null when the request holds nothing but its target, so any other request is another target's key), and the
    /// same key replayed by callers of another branch or park.
    /// </summary>
    private sealed record ReplayCase(
        Func<Scene, Task<Call>> Arrange,
        Func<IMessage, IMessage>? Different,
        Func<Scene, Call, Call[]> Outsiders,
        (StatusCode Code, string Reason)? DifferentRequest = null);

    /// <summary>Two parks, a second branch in the first, a member in each park; a shop and an event on demand.</summary>
    private sealed class Scene
    {
        private Counter? _shop;

        public required TestNode Node { get; init; }

        public required Seed Home { get; init; }

        public required Seed Away { get; init; }

        public required string Branch2 { get; init; }

        public required Api Secretary2 { get; init; }

        public required string MemberId { get; init; }

        public required Api MemberApi { get; init; }

        public required Api AwayMemberApi { get; init; }

        public static async Task<Scene> CreateAsync(TestNode node)
        {
            var home = await Seed.CreateAsync(node);
            var away = await Seed.CreateAsync(node);
            var (branch2, secretary2) = await home.SecondBranchAsync();
            var (memberId, memberApi) = await home.MemberAsync();
            await home.Secretary.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = memberId, Amount = 100, Reason = "充值", IdempotencyKey = Key() });
            var (awayMemberId, awayMemberApi) = await away.MemberAsync();
            await away.Secretary.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = awayMemberId, Amount = 100, Reason = "充值", IdempotencyKey = Key() });
            return new Scene
            {
                Node = node, Home = home, Away = away, Branch2 = branch2, Secretary2 = secretary2,
                MemberId = memberId, MemberApi = memberApi, AwayMemberApi = awayMemberApi,
            };
        }

        public async Task<Counter> ShopAsync()
        {
            if (_shop is null)
            {
                _shop = await Counter.OpenAsync(Home);
                await _shop.Staff.Merchants.UpsertCatalogItemAsync(new UpsertCatalogItemRequest
                {
                    MerchantId = _shop.MerchantId, Item = new V1.CatalogItem { ItemId = "espresso", Name = "浓缩咖啡", PointsCost = 10 }, InitialStock = 10, IdempotencyKey = Key(),
                });
            }

            return _shop;
        }

        public PublishEventRequest BranchEvent(string branch, bool streamed = false)
        {
            var now = Node.Time.GetUtcNow();
            return new PublishEventRequest
            {
                EventId = Seed.Next("ev"), BranchId = branch, Title = "主题党日", Place = "会堂", Capacity = 30, Streamed = streamed,
                StartTime = Timestamp.FromDateTimeOffset(now - TimeSpan.FromMinutes(10)), EndTime = Timestamp.FromDateTimeOffset(now + TimeSpan.FromHours(2)),
                IdempotencyKey = Key(),
            };
        }

        /// <summary>An event of the home branch that has begun; returns its id.</summary>
        public async Task<string> EventAsync(bool streamed = false) =>
            (await Home.Secretary.Events.PublishEventAsync(BranchEvent(Home.Branch, streamed))).Event.EventId;

        /// <summary>What a refused write must not change: both parks' audit trails and the member's points and profile.</summary>
        public async Task<string> SnapshotAsync()
        {
            var homeAudit = await Home.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = Home.Park, PageSize = 200 });
            var awayAudit = await Away.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = Away.Park, PageSize = 200 });
            var member = await Home.Admin.Organization.GetMemberAsync(new GetMemberRequest { MemberId = MemberId });
            var balance = await Home.Admin.Points.GetBalanceAsync(new GetBalanceRequest { MemberId = MemberId });
            var shop = _shop is null ? null : await Home.Admin.Merchants.ListCatalogAsync(new ListCatalogRequest { MerchantId = _shop.MerchantId });
            return string.Join('\n', homeAudit, awayAudit, member, balance, shop);
        }
    }
}
