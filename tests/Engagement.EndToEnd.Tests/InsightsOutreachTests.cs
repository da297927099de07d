using Engagement.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Engagement.EndToEnd;

/// <summary>Recommendations for members and the inactive-members list for secretaries, through the gateway.</summary>
[Collection(NodeCollection.Name)]
public sealed class InsightsOutreachTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    private DateTimeOffset Now => Node.Time.GetUtcNow();

    [Fact]
    public async Task EachRecommendationGoesAwayOnceDoneAndAMissedQuestionBringsACourseOnItsTopic()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, api) = await seed.MemberAsync();
        List<Question> bank = [.. new[] { "党章", "党史", "纪律", "理论", "经济" }.Select((tag, i) => QuizClients.SingleChoice($"q{i}", i % 4, tag))];
        await Node.QuizAs("admin", new RoleGrant(Role.ParkAdmin, seed.Park)).ImportQuestionsAsync(QuizClients.ImportInto(seed.Park, bank));
        var create = new CreateCourseRequest { ParkId = seed.Park, CourseId = Seed.Next("course"), Title = "党章学习", IdempotencyKey = Seed.Next("k") };
        create.Tags.Add("党章");
        create.Episodes.Add(new Episode { EpisodeId = "e1", Title = "第一讲", DurationSeconds = 600 });
        var course = (await Node.AdminCourses(seed).CreateCourseAsync(create)).Course;
        Node.AdvanceToLocalHour(9);
        var insights = Node.MemberInsights(id);
        var ask = new GetRecommendationsRequest();

        var fresh = await insights.GetRecommendationsAsync(ask);
        await api.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "c" });
        var checkedIn = await insights.GetRecommendationsAsync(ask);
        var published = (await Node.Events("secretary", new RoleGrant(Role.Secretary, seed.Branch)).PublishEventAsync(new PublishEventRequest
        {
            EventId = Seed.Next("ev"), BranchId = seed.Branch, Title = "读书会", Place = "图书馆", Capacity = 20, Points = 4, IdempotencyKey = Seed.Next("k"),
            StartTime = Timestamp.FromDateTimeOffset(Now.AddDays(2)), EndTime = Timestamp.FromDateTimeOffset(Now.AddDays(2).AddHours(2)),
        })).Event;
        var withEvent = await insights.GetRecommendationsAsync(ask);
        await Node.MemberEvents(id).RsvpAsync(new RsvpRequest { EventId = published.EventId, IdempotencyKey = "rsvp" });
        var rsvped = await insights.GetRecommendationsAsync(ask);
        var quiz = Node.QuizOfMember(id);
        await quiz.SubmitDailyQuizAsync(QuizClients.Answers(await quiz.GetDailyQuizAsync(new GetDailyQuizRequest()), bank, "quiz", q => q.QuestionId == "q0"));
        var answered = await insights.GetRecommendationsAsync(ask);
        var bySecretary = await Node.Insights("secretary", new RoleGrant(Role.Secretary, seed.Branch)).GetRecommendationsAsync(new GetRecommendationsRequest { MemberId = id });

        Assert.Equal((InsightsClients.Format(Node.Today()), ""), (fresh.Day, fresh.BlockedReason));
        Assert.Equal(
        [
            (V1.RecommendationKind.CheckIn, InsightsClients.Format(Node.Today()), "", 1L),
            (V1.RecommendationKind.DailyQuiz, InsightsClients.Format(Node.Today()), "", 6L),
            (V1.RecommendationKind.CourseEpisode, course.CourseId, "e1", 1L),
        ], fresh.Recommendations.Select(r => (r.Kind, r.ReferenceId, r.EpisodeId, r.PointsAvailable)));
        Assert.Equal([V1.RecommendationKind.DailyQuiz, V1.RecommendationKind.CourseEpisode], checkedIn.Recommendations.Select(r => r.Kind));
        var ev = Assert.Single(withEvent.Recommendations, r => r.Kind == V1.RecommendationKind.Event);
        Assert.Equal((published.EventId, "读书会", 4L, published.StartTime), (ev.ReferenceId, ev.Title, ev.PointsAvailable, ev.StartTime));
        Assert.DoesNotContain(rsvped.Recommendations, r => r.Kind == V1.RecommendationKind.Event);
        Assert.Equal([V1.RecommendationKind.CourseEpisode, V1.RecommendationKind.ReviewCourse], answered.Recommendations.Select(r => r.Kind));
        var review = answered.Recommendations[1];
        Assert.Equal((course.CourseId, "党章学习", 1L + 5), (review.ReferenceId, review.Title, review.PointsAvailable));
        Assert.Equal(["党章"], review.MatchingTags);
        Assert.Equal(answered.Recommendations, bySecretary.Recommendations);
    }

    [Fact]
    public async Task AnUnverifiedMemberIsToldWhyAndOnlyTheMemberAndTheirSecretaryMayAsk()
    {
        var seed = await Seed.CreateAsync(Node);
        var (unverified, _) = await seed.MemberAsync(verified: false);
        var (other, _) = await seed.MemberAsync();
        var request = new GetRecommendationsRequest { MemberId = unverified };

        var blocked = await Node.MemberInsights(unverified).GetRecommendationsAsync(new GetRecommendationsRequest());

        Assert.Equal((ErrorReasons.MemberNotVerified, 0), (blocked.BlockedReason, blocked.Recommendations.Count));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => Node.MemberInsights(other).GetRecommendationsAsync(request));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => Node.Insights("leader", new RoleGrant(Role.CommitteeLeader, seed.Committee)).GetRecommendationsAsync(request));
    }

    [Fact]
    public async Task AfterEightDaysTheSecretarySeesWhoHasNotEarnedLongestInactiveFirst()
    {
        var seed = await Seed.CreateAsync(Node);
        Node.AdvanceToLocalHour(9);
        var (early, earlyApi) = await seed.MemberAsync();
        var (never, _) = await seed.MemberAsync();
        var (later, laterApi) = await seed.MemberAsync();
        var (today, todayApi) = await seed.MemberAsync();
        await earlyApi.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "c" });
        var earlyAt = Now;
        Node.Time.Advance(TimeSpan.FromDays(1));
        await laterApi.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "c" });
        Node.Time.Advance(TimeSpan.FromDays(8));
        await todayApi.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "c" });
        await seed.Secretary.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = never, Amount = 10, Reason = "补录", IdempotencyKey = "adj" });
        var secretary = Node.Insights("secretary", new RoleGrant(Role.Secretary, seed.Branch));

        var week = await secretary.ListInactiveMembersAsync(new ListInactiveMembersRequest { BranchId = seed.Branch });
        var nineDays = await Node.Insights("leader", new RoleGrant(Role.CommitteeLeader, seed.Committee))
            .ListInactiveMembersAsync(new ListInactiveMembersRequest { BranchId = seed.Branch, InactiveDays = 9 });

        Assert.Equal((7, 4, InsightsClients.Format(Node.Today())), (week.InactiveDays, week.RosterSize, week.Today));
        Assert.Equal([(never, null, 9), (early, Timestamp.FromDateTimeOffset(earlyAt), 9), (later, week.Members[2].LastActiveTime, 8)],
            week.Members.Select(m => (m.MemberId, (Timestamp?)m.LastActiveTime, m.DaysInactive)));
        Assert.NotNull(week.Members[2].LastActiveTime);
        Assert.All(week.Members, m => Assert.Equal(("王小明", "13800000000", true, true), (m.DisplayName, m.Phone, m.Verified, m.Active)));
        Assert.DoesNotContain(week.Members, m => m.MemberId == today);
        Assert.Equal([never, early], nineDays.Members.Select(m => m.MemberId));
        var (branch2, _) = await seed.SecondBranchAsync();
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => Node.Insights("secretary-2", new RoleGrant(Role.Secretary, branch2)).ListInactiveMembersAsync(new ListInactiveMembersRequest { BranchId = seed.Branch }));
        var tooMany = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => secretary.ListInactiveMembersAsync(new ListInactiveMembersRequest { BranchId = seed.Branch, InactiveDays = 91 }));
        Assert.Equal(["inactive_days"], RpcAssert.ViolatedFields(tooMany));
    }
}
