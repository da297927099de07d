using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Engagement.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Engagement.EndToEnd;

/// <summary>Member profile figures through the gateway, checked against values computed by hand from what the test did.</summary>
[Collection(NodeCollection.Name)]
public sealed class InsightsProfileTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    private DateTimeOffset Now => Node.Time.GetUtcNow();

    [Fact]
    public async Task AMembersThreeDaysAddUpExactlyInTheirProfile()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, api) = await seed.MemberAsync();
        List<Question> bank = [.. new[] { "党章", "党史", "纪律", "理论", "经济" }.Select((tag, i) => QuizClients.SingleChoice($"q{i}", i % 4, tag))];
        await Node.QuizAs("admin", new RoleGrant(Role.ParkAdmin, seed.Park)).ImportQuestionsAsync(QuizClients.ImportInto(seed.Park, bank));
        var course = await Node.CreateCourseAsync(seed, 60, 60);
        var quiz = Node.QuizOfMember(id);

        // Day 1, 09:00: check-in (1) and a full-marks quiz (6); 20:00: two episodes (1 + 1) and the course (5).
        Node.AdvanceToLocalHour(9);
        var day1 = Node.Today();
        await api.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "c1" });
        await quiz.SubmitDailyQuizAsync(QuizClients.Answers(await quiz.GetDailyQuizAsync(new GetDailyQuizRequest()), bank, "quiz-1"));
        Node.AdvanceToLocalHour(20);
        await WatchAsync(id, course.CourseId, "e1");
        var completed = await WatchAsync(id, course.CourseId, "e2");
        // Day 2, 09:00: check-in (1), an all-wrong quiz (0, no entry); 10:00: the event on site (5) and an adjustment (+3).
        Node.AdvanceToLocalHour(9);
        await api.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "c2" });
        await quiz.SubmitDailyQuizAsync(QuizClients.Answers(await quiz.GetDailyQuizAsync(new GetDailyQuizRequest()), bank, "quiz-2", _ => true));
        var secretaryEvents = Node.Events("secretary", new RoleGrant(Role.Secretary, seed.Branch));
        var published = (await secretaryEvents.PublishEventAsync(new PublishEventRequest
        {
            EventId = Seed.Next("ev"), BranchId = seed.Branch, Title = "主题党日", Place = "科学会堂", Capacity = 30, IdempotencyKey = Seed.Next("k"),
            StartTime = Timestamp.FromDateTimeOffset(Now.AddHours(1)), EndTime = Timestamp.FromDateTimeOffset(Now.AddHours(3)),
        })).Event;
        Node.AdvanceToLocalHour(10);
        var code = await secretaryEvents.GetCheckInCodeAsync(new GetCheckInCodeRequest { EventId = published.EventId });
        var attended = await Node.MemberEvents(id).CheckInToEventAsync(new CheckInToEventRequest { EventId = published.EventId, Code = code.Code, IdempotencyKey = "ev" });
        await seed.Secretary.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = id, Amount = 3, Reason = "志愿服务", IdempotencyKey = "adj" });
        // Day 3, 09:00: check-in (1) and a quiz with 3 of 5 right (3).
        Node.AdvanceToLocalHour(9);
        var day3 = Node.Today();
        await api.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "c3" });
        var third = await quiz.GetDailyQuizAsync(new GetDailyQuizRequest());
        await quiz.SubmitDailyQuizAsync(QuizClients.Answers(third, bank, "quiz-3", q => q.QuestionId == third.Questions[0].QuestionId || q.QuestionId == third.Questions[1].QuestionId));

        var request = new GetMemberProfileStatsRequest { FromDay = InsightsClients.Format(day1), ToDay = InsightsClients.Format(day3) };
        var expectedWeeks = ExpectedWeeks((day1, 14), (day1.AddDays(1), 9), (day3, 4));
        var stats = await Eventually.SucceedsAsync(async () =>
        {
            var read = await Node.MemberInsights(id).GetMemberProfileStatsAsync(request);
            Assert.Equal(expectedWeeks, read.RankHistory.Select(w =>
                (w.Week, w.HasBranchRank ? w.BranchRank : (long?)null, w.BranchScore, w.HasCommitteeRank ? w.CommitteeRank : (long?)null, w.CommitteeScore)));
            return read;
        }, TimeSpan.FromSeconds(15), "the weekly boards to show the member's points");
        var balance = await api.Points.GetBalanceAsync(new GetBalanceRequest());

        Assert.Equal((id, InsightsClients.Format(day1), InsightsClients.Format(day3), "Asia/Shanghai"), (stats.MemberId, stats.FromDay, stats.ToDay, stats.TimeZone));
        Assert.Equal(
        [
            (InsightsClients.Format(day1), "CheckIn:1/1 Quiz:6/1 CourseEpisode:2/2 CourseCompleted:5/1", 14L),
            (InsightsClients.Format(day1.AddDays(1)), "CheckIn:1/1 EventOnSite:5/1 Adjustment:3/1", 6L),
            (InsightsClients.Format(day3), "CheckIn:1/1 Quiz:3/1", 4L),
        ], stats.Days.Select(d => (d.Day, Describe(d.Points), d.Earned)));
        Assert.Equal("CheckIn:3/3 Quiz:9/2 CourseEpisode:2/2 CourseCompleted:5/1 EventOnSite:5/1 Adjustment:3/1", Describe(stats.Totals));
        Assert.Equal((24L, 3L, 0L, 0L, 27L), (stats.Earned, stats.Adjusted, stats.Spent, stats.Refunded, stats.NetChange));
        Assert.Equal(balance.Balance, stats.NetChange);
        Assert.Equal((3, 3, 3), (stats.CurrentStreakDays, stats.LongestStreakDays, stats.ActiveDays));
        var hours = new int[24];
        (hours[9], hours[10], hours[20]) = (5, 1, 3);
        Assert.Equal(hours, stats.ActiveHours);
        Assert.Equal((3, 15, 8), (stats.Quiz.QuizzesTaken, stats.Quiz.QuestionsAnswered, stats.Quiz.CorrectAnswers));
        Assert.Equal(8.0 / 15, stats.Quiz.Accuracy, 9);
        var finished = Assert.Single(stats.CoursesFinished);
        Assert.Equal((course.CourseId, "学习二十大精神", completed.ReportTime), (finished.CourseId, finished.Title, finished.CompleteTime));
        var ev = Assert.Single(stats.EventsAttended);
        Assert.Equal((published.EventId, "主题党日", EventAttendanceMode.OnSite, attended.CheckInTime, 5L), (ev.EventId, ev.Title, ev.Mode, ev.AttendTime, ev.PointsAwarded));
        Assert.All(stats.RankHistory, w => Assert.Equal((1L, 1L), (w.BranchTotal, w.CommitteeTotal)));

        var byDefault = await Node.MemberInsights(id).GetMemberProfileStatsAsync(new GetMemberProfileStatsRequest());
        Assert.Equal((InsightsClients.Format(day3.AddDays(-29)), 30, 24L, 27L), (byDefault.FromDay, byDefault.Days.Count, byDefault.Earned, byDefault.NetChange));
        Assert.Equal(stats.ActiveHours, byDefault.ActiveHours);
    }

    [Fact]
    public async Task TheMemberTheirSecretaryAndTheirLeaderReadTheProfileButNotAnotherMemberOrAnotherBranchsSecretary()
    {
        var seed = await Seed.CreateAsync(Node);
        var (a, apiA) = await seed.MemberAsync();
        var (b, _) = await seed.MemberAsync();
        await apiA.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "c" });
        var (otherBranch, _) = await seed.SecondBranchAsync();
        var request = new GetMemberProfileStatsRequest { MemberId = a };

        var own = await Node.MemberInsights(a).GetMemberProfileStatsAsync(new GetMemberProfileStatsRequest());
        var bySecretary = await Node.Insights("secretary", new RoleGrant(Role.Secretary, seed.Branch)).GetMemberProfileStatsAsync(request);
        var byLeader = await Node.Insights("leader", new RoleGrant(Role.CommitteeLeader, seed.Committee)).GetMemberProfileStatsAsync(request);
        var byAdmin = await Node.Insights("admin", new RoleGrant(Role.ParkAdmin, seed.Park)).GetMemberProfileStatsAsync(request);

        Assert.All([own, bySecretary, byLeader, byAdmin], s => Assert.Equal((a, 1L), (s.MemberId, s.Earned)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => Node.MemberInsights(b).GetMemberProfileStatsAsync(request));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => Node.Insights("secretary-2", new RoleGrant(Role.Secretary, otherBranch)).GetMemberProfileStatsAsync(request));
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.MemberNotFound,
            () => Node.Insights("admin-2", new RoleGrant(Role.ParkAdmin, Seed.Next("park"))).GetMemberProfileStatsAsync(request));
    }

    [Fact]
    public async Task ABadFutureOrTooLongPeriodIsRefusedNamingTheFieldAndJsonReadsTheProfile()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, api) = await seed.MemberAsync();
        await api.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "c" });
        var insights = Node.MemberInsights(id);
        var today = Node.Today();

        var malformed = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => insights.GetMemberProfileStatsAsync(new GetMemberProfileStatsRequest { FromDay = "2026-13-01" }));
        var future = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => insights.GetMemberProfileStatsAsync(new GetMemberProfileStatsRequest { ToDay = InsightsClients.Format(today.AddDays(1)) }));
        var tooLong = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => insights.GetMemberProfileStatsAsync(new GetMemberProfileStatsRequest { FromDay = InsightsClients.Format(today.AddDays(-93)) }));
        using var http = new HttpClient { BaseAddress = Node.HttpAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Node.Token(id, new RoleGrant(Role.Member, id)));
        var json = JsonDocument.Parse(await http.GetStringAsync($"/v1/members/{id}/insights/profile?fromDay={InsightsClients.Format(today)}"));

        Assert.Equal(["from_day"], RpcAssert.ViolatedFields(malformed));
        Assert.Equal(["to_day"], RpcAssert.ViolatedFields(future));
        Assert.Equal(["from_day"], RpcAssert.ViolatedFields(tooLong));
        var hours = json.RootElement.GetProperty("activeHours").EnumerateArray().Select(h => h.GetInt32()).ToList();
        Assert.Equal(24, hours.Count);
        Assert.Equal(1, hours[Node.LocalNow().Hour]);
        Assert.Equal("1", json.RootElement.GetProperty("earned").ToString());
    }

    /// <summary>Reports e.g. "CheckIn:3/3 Quiz:9/2" (kind:points/entries), in the order given.</summary>
    private static string Describe(IEnumerable<ProfileKindPoints> points) =>
        string.Join(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Kind}:{p.Points}/{p.Entries}")));

    /// <summary>Per ISO week of the days: the summed board points (adjustments count, as on the boards), rank 1 (the only member).</summary>
    private static List<(string, long?, long, long?, long)> ExpectedWeeks(params (DateOnly Day, long Points)[] days) =>
        [.. days.GroupBy(d => Week(d.Day)).Select(g => (g.Key, (long?)1L, g.Sum(d => d.Points), (long?)1L, g.Sum(d => d.Points)))];

    private static string Week(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):D2}");
    }

    /// <summary>Watches a 60-second episode at real speed (reports at 0, 30 and 60 s); returns the last report.</summary>
    private async Task<ReportProgressResponse> WatchAsync(string memberId, string courseId, string episodeId)
    {
        var courses = Node.MemberCourses(memberId);
        ReportProgressResponse last = null!;
        foreach (var position in new[] { 0, 30, 60 })
        {
            if (position > 0)
            {
                Node.Time.Advance(TimeSpan.FromSeconds(30));
            }

            last = await courses.ReportProgressAsync(new ReportProgressRequest { CourseId = courseId, EpisodeId = episodeId, PositionSeconds = position, IdempotencyKey = $"{episodeId}-{position}" });
        }

        return last;
    }
}
