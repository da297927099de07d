using System.Collections.Concurrent;
using System.Diagnostics;
using Engagement.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;

namespace Engagement.Bench;

/// <summary>
/// A park's working day compressed: for <c>--duration</c> seconds at <c>--concurrency</c>, each call is drawn from
/// this mix (per 100 calls): 20 check-ins (each member once; then a balance read), 10 daily quizzes (fetch + submit,
/// each member once; then a fetch), 25 course progress reports (members watching an episode in real time), 10 event
/// check-ins with the code on the organiser's screen (each member once; then a look at upcoming events), 15 balance reads,
/// 10 daily-progress reads and 10 leaderboard top-20 reads. Everything goes through the public API.
/// </summary>
public static class MixedScenario
{
    private static readonly (string Kind, int Weight)[] Mix =
        [("checkin", 20), ("quiz", 10), ("course", 25), ("event", 10), ("balance", 15), ("progress", 10), ("board", 10)];

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(GrpcChannel channel, Tokens tokens, Park park, BenchOptions options)
    {
        var admin = Park.Bearer(park.AdminToken);
        var (courseId, eventId) = await SetUpAsync(channel, park, admin);
        var points = new PointsService.PointsServiceClient(channel);
        var quiz = new QuizService.QuizServiceClient(channel);
        var courses = new CourseService.CourseServiceClient(channel);
        var events = new EventService.EventServiceClient(channel);
        var boards = new LeaderboardService.LeaderboardServiceClient(channel);
        var headers = park.Members.Select(m => Park.Bearer(tokens.Mint(m, $"member:{m}"))).ToArray();
        var code = await events.GetCheckInCodeAsync(new GetCheckInCodeRequest { EventId = eventId }, admin);
        var codeFetched = Stopwatch.StartNew();
        var recorders = Mix.ToDictionary(m => m.Kind, _ => new LatencyRecorder());
        var latencies = new ConcurrentDictionary<(string, int), List<double>>();
        var started = new ConcurrentDictionary<int, long>();
        var counters = Mix.ToDictionary(m => m.Kind, _ => new StrongBox());
        var wheel = Mix.SelectMany(m => Enumerable.Repeat(m.Kind, m.Weight)).ToArray();
        var members = park.Members.Count;

        async Task OperationAsync(long n)
        {
            var kind = wheel[(int)(n * 37 % wheel.Length)];
            var turn = Interlocked.Increment(ref counters[kind].Value) - 1;
            var m = (int)(turn % members);
            var once = turn < members;
            var who = headers[m];
            var start = Stopwatch.GetTimestamp();
            try
            {
                switch (kind)
                {
                    case "checkin" when once:
                        await points.CheckInAsync(new CheckInRequest { IdempotencyKey = $"mixed-{m}" }, who);
                        break;
                    case "checkin" or "balance":
                        await points.GetBalanceAsync(new GetBalanceRequest(), who);
                        break;
                    case "quiz":
                        var today = await quiz.GetDailyQuizAsync(new GetDailyQuizRequest(), who);
                        if (once && !today.Submitted)
                        {
                            var submit = new SubmitDailyQuizRequest { Day = today.Day, IdempotencyKey = $"mixed-{m}" };
                            submit.Answers.AddRange(today.Questions.Select((q, i) => new V1.QuizAnswer { QuestionId = q.QuestionId, ChosenOptions = { i % 2 } }));
                            await quiz.SubmitDailyQuizAsync(submit, who);
                        }

                        break;
                    case "course":
                        // Each member plays the episode from when they first reported, in real time.
                        var since = started.GetOrAdd(m, _ => Stopwatch.GetTimestamp());
                        var position = (int)Math.Min(1200, Stopwatch.GetElapsedTime(since).TotalSeconds);
                        await courses.ReportProgressAsync(new ReportProgressRequest
                        {
                            CourseId = courseId, EpisodeId = "e1", PositionSeconds = position, IdempotencyKey = $"mixed-{m}-{turn}",
                        }, who);
                        break;
                    case "event" when once:
                        if (codeFetched.Elapsed > TimeSpan.FromSeconds(15))
                        {
                            code = await events.GetCheckInCodeAsync(new GetCheckInCodeRequest { EventId = eventId }, admin);
                            codeFetched.Restart();
                        }

                        await events.CheckInToEventAsync(new CheckInToEventRequest { EventId = eventId, Code = code.Code, IdempotencyKey = $"mixed-{m}" }, who);
                        break;
                    case "event":
                        await events.ListUpcomingEventsAsync(new ListUpcomingEventsRequest(), who);
                        break;
                    case "progress":
                        await points.GetDailyProgressAsync(new GetDailyProgressRequest(), who);
                        break;
                    default:
                        await boards.GetLeaderboardAsync(new GetLeaderboardRequest
                        {
                            Scope = LeaderboardScope.ParkMembers, ScopeId = park.Id, Period = LeaderboardPeriod.Day, PageSize = 20,
                        }, who);
                        break;
                }

                latencies.GetOrAdd((kind, Environment.CurrentManagedThreadId), _ => recorders[kind].NewWorker()).Add(LatencyRecorder.ElapsedMs(start));
            }
            catch (RpcException e)
            {
                recorders[kind].Error(e);
                throw;
            }
        }

        var (overall, elapsed) = await Load.RunAsync(options.Concurrency, options.Duration, long.MaxValue, OperationAsync);
        var results = new List<ScenarioResult> { overall.Result("mixed: all", elapsed, "weights " + string.Join(", ", Mix.Select(m => $"{m.Kind} {m.Weight}"))) };
        results.AddRange(Mix.Select(m => recorders[m.Kind].Result($"mixed: {m.Kind}", elapsed)));
        return results;
    }

    /// <summary>A park quiz bank of 10 questions, one course of one 20-minute episode, a committee event running now.</summary>
    private static async Task<(string CourseId, string EventId)> SetUpAsync(GrpcChannel channel, Park park, Metadata admin)
    {
        var import = new ImportQuestionsRequest { ParkId = park.Id, IdempotencyKey = $"{park.Id}-quiz" };
        import.Questions.AddRange(Enumerable.Range(1, 10).Select(i => new Question
        {
            QuestionId = $"q{i}", Kind = QuestionKind.Single, Stem = $"第{i}题", Options = { "甲", "乙" }, CorrectOptions = { i % 2 }, Tags = { "党章" },
        }));
        await new QuizService.QuizServiceClient(channel).ImportQuestionsAsync(import, admin);
        var course = new CreateCourseRequest { ParkId = park.Id, CourseId = $"{park.Id}-course", Title = "党史学习", IdempotencyKey = $"{park.Id}-course" };
        course.Episodes.Add(new Episode { EpisodeId = "e1", Title = "第一集", DurationSeconds = 1200 });
        await new CourseService.CourseServiceClient(channel).CreateCourseAsync(course, admin);
        var eventId = $"{park.Id}-event";
        var now = DateTimeOffset.UtcNow;
        await new EventService.EventServiceClient(channel).PublishEventAsync(new PublishEventRequest
        {
            EventId = eventId, CommitteeId = park.CommitteeId, Title = "主题党日", Place = "园区礼堂", StartTime = Timestamp.FromDateTimeOffset(now.AddSeconds(1)),
            EndTime = Timestamp.FromDateTimeOffset(now.AddHours(2)), Capacity = 10_000, Streamed = true, IdempotencyKey = eventId,
        }, admin);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        return (course.CourseId, eventId);
    }

    private sealed class StrongBox
    {
        public long Value;
    }
}
