using System.Diagnostics;
using Engagement.V1;
using Grpc.Net.Client;

namespace Engagement.Bench;

/// <summary>
/// A busy hour of a park: members' phones doing everything at once, closed loop. Per 100 actions (see README):
/// 40 course progress reports (a player reports every 10-60 s while a video plays, so they dominate), 20 daily
/// check-ins, 10 daily quizzes (GetDailyQuiz, then SubmitDailyQuiz: two calls), 10 meeting check-ins with the code
/// on the secretary's screen, 8 balance reads, 7 daily-progress reads, 5 park day-board top-20 reads. It runs
/// 5 actions per seeded member, so every member checks in exactly once; half of them take the quiz and attend their
/// branch meeting. Each call is reported by type and all together.
/// </summary>
public static class MixedScenario
{
    private static readonly (string Name, int Weight)[] Mix =
    [
        ("course progress", 40), ("check-in", 20), ("quiz: get", 10), ("event check-in", 10), ("balance", 8), ("daily progress", 7), ("board top 20", 5),
    ];

    private const string QuizSubmit = "quiz: submit";

    /// <summary>The actions of one round of 100, interleaved (a fixed shuffle) so every type runs all the time.</summary>
    private static readonly int[] Round =
        [.. Mix.SelectMany((m, i) => Enumerable.Repeat(i, m.Weight)).Select((type, slot) => (type, slot)).OrderBy(x => Hash(x.slot)).Select(x => x.type)];

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(GrpcChannel channel, Tokens tokens, Park park, BenchOptions options)
    {
        await using var setup = await MixedSetup.CreateAsync(channel, tokens, park);
        var members = park.Members.Select(m => Park.Bearer(tokens.Mint(m, $"member:{m}"))).ToArray();
        var clients = new Clients(channel);
        var names = Mix.Select(m => m.Name).Append(QuizSubmit).ToArray();
        var recorders = names.ToDictionary(n => n, _ => new LatencyRecorder());
        var overall = new LatencyRecorder();
        var counters = new long[Mix.Length];
        var actions = Math.Min(5L * park.Members.Count, options.Count);
        var next = -1L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            var mine = names.ToDictionary(n => n, n => recorders[n].NewWorker());
            var all = overall.NewWorker();
            long n;
            while ((n = Interlocked.Increment(ref next)) < actions)
            {
                var type = Round[n % Round.Length];
                var k = Interlocked.Increment(ref counters[type]) - 1;
                var member = (int)(k % park.Members.Count);
                if (Mix[type].Name == "quiz: get")
                {
                    // The app fetches the day's questions, the member answers, the app submits: two calls, timed apart.
                    GetDailyQuizResponse? quiz = null;
                    await TimedAsync("quiz: get", async () => quiz = await clients.Quiz.GetDailyQuizAsync(new GetDailyQuizRequest(), members[member]));
                    if (quiz is not null)
                    {
                        await TimedAsync(QuizSubmit, () => clients.Quiz.SubmitDailyQuizAsync(Answers(setup, quiz, member, $"mix-{n}"), members[member]).ResponseAsync);
                    }
                }
                else
                {
                    await TimedAsync(Mix[type].Name, () => RunActionAsync(type, n, k, member));
                }
            }

            async Task TimedAsync(string name, Func<Task> call)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await call();
                    var ms = LatencyRecorder.ElapsedMs(start);
                    mine[name].Add(ms);
                    all.Add(ms);
                }
                catch (Exception e)
                {
                    recorders[name].Error(e);
                    overall.Error(e);
                }
            }

            async Task RunActionAsync(int type, long n, long k, int member)
            {
                var headers = members[member];
                var key = $"mix-{n}";
                switch (Mix[type].Name)
                {
                    case "course progress":
                        var position = (int)Math.Min(MixedSetup.EpisodeSeconds, k / park.Members.Count * 30);
                        await clients.Courses.ReportProgressAsync(new ReportProgressRequest
                        {
                            CourseId = MixedSetup.CourseId, EpisodeId = MixedSetup.EpisodeId, PositionSeconds = position, IdempotencyKey = key,
                        }, headers);
                        break;
                    case "check-in":
                        await clients.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = key }, headers);
                        break;
                    case "event check-in":
                        var branch = member / Park.BranchSize;
                        await clients.Events.CheckInToEventAsync(new CheckInToEventRequest
                        {
                            EventId = MixedSetup.EventOf(park, branch), Code = setup.CodeOf(branch), IdempotencyKey = key,
                        }, headers);
                        break;
                    case "balance":
                        await clients.Points.GetBalanceAsync(new GetBalanceRequest(), headers);
                        break;
                    case "daily progress":
                        await clients.Points.GetDailyProgressAsync(new GetDailyProgressRequest(), headers);
                        break;
                    default:
                        await clients.Boards.GetLeaderboardAsync(new GetLeaderboardRequest
                        {
                            Scope = LeaderboardScope.ParkMembers, ScopeId = park.Id, Period = LeaderboardPeriod.Day, PageSize = 20,
                        }, headers);
                        break;
                }
            }
        }));
        var elapsed = clock.Elapsed;
        var note = $"{park.Members.Count} members, {actions} actions, {setup}";
        return [overall.Result("mixed: all calls", elapsed, note), .. names.Select(n => recorders[n].Result($"mixed: {n}", elapsed, note))];
    }

    /// <summary>A member who knows about 70 % of the answers (deterministic per member and question).</summary>
    private static SubmitDailyQuizRequest Answers(MixedSetup setup, GetDailyQuizResponse quiz, int member, string key)
    {
        var request = new SubmitDailyQuizRequest { Day = quiz.Day, IdempotencyKey = key };
        request.Answers.AddRange(quiz.Questions.Select(q =>
        {
            var right = setup.Answers[q.QuestionId];
            return new QuizAnswer { QuestionId = q.QuestionId, ChosenOptions = { Hash(member * 31 + right + int.Parse(q.QuestionId[1..], System.Globalization.CultureInfo.InvariantCulture)) % 10 < 7 ? right : (right + 1) % 4 } };
        }));
        return request;
    }

    private static int Hash(int x)
    {
        unchecked
        {
            var h = (uint)x * 2654435761u;
            return (int)((h ^ (h >> 16)) & 0x7fffffff);
        }
    }

    private sealed class Clients(GrpcChannel channel)
    {
        public PointsService.PointsServiceClient Points { get; } = new(channel);

        public QuizService.QuizServiceClient Quiz { get; } = new(channel);

        public CourseService.CourseServiceClient Courses { get; } = new(channel);

        public EventService.EventServiceClient Events { get; } = new(channel);

        public V1.LeaderboardService.LeaderboardServiceClient Boards { get; } = new(channel);
    }
}
