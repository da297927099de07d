using System.Collections.Concurrent;
using System.Globalization;
using Engagement.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;

namespace Engagement.Bench;

/// <summary>
/// What the mixed scenario needs besides members, created through the public API as an admin and secretaries would:
/// a park quiz bank, one course, and one meeting per branch whose rotating check-in code is read from the
/// secretary's screen (GetCheckInCode with the secretary's token) and refreshed as the screen would.
/// </summary>
public sealed class MixedSetup : IAsyncDisposable
{
    public const int QuizQuestions = 20;
    public const string CourseId = "bench-course";
    public const string EpisodeId = "e1";
    public const int EpisodeSeconds = 1200;

    /// <summary>Codes rotate every 30 s and the previous one is still accepted, so a screen read every 20 s is always good.</summary>
    private static readonly TimeSpan CodeRefresh = TimeSpan.FromSeconds(20);

    private readonly ConcurrentDictionary<int, string> _codes = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _refresher = Task.CompletedTask;

    private MixedSetup(Park park) => Park = park;

    public Park Park { get; }

    /// <summary>The right options of each question of the bank (the bench plays members who mostly know them).</summary>
    public IReadOnlyDictionary<string, int> Answers { get; } =
        Enumerable.Range(0, QuizQuestions).ToDictionary(q => $"q{q}", q => q % 4);

    public static string EventOf(Park park, int branch) => $"{park.Id}-meeting-b{branch}";

    /// <summary>The code currently on the screen of the branch's meeting.</summary>
    public string CodeOf(int branch) => _codes[branch];

    public static async Task<MixedSetup> CreateAsync(GrpcChannel channel, Tokens tokens, Park park)
    {
        var setup = new MixedSetup(park);
        var admin = Park.Bearer(park.AdminToken);
        var quiz = new QuizService.QuizServiceClient(channel);
        var import = new ImportQuestionsRequest { ParkId = park.Id, IdempotencyKey = $"{park.Id}-bank" };
        import.Questions.AddRange(setup.Answers.Select(a => new Question
        {
            QuestionId = a.Key, Kind = QuestionKind.Single, Stem = $"基准题 {a.Key}", Options = { "甲", "乙", "丙", "丁" },
            CorrectOptions = { a.Value }, Tags = { "党史" },
        }));
        await quiz.ImportQuestionsAsync(import, admin);

        var courses = new CourseService.CourseServiceClient(channel);
        await courses.CreateCourseAsync(new CreateCourseRequest
        {
            ParkId = park.Id, CourseId = CourseId, Title = "基准课程", Tags = { "党史" }, IdempotencyKey = $"{park.Id}-course",
            Episodes = { new Episode { EpisodeId = EpisodeId, Title = "第一集", DurationSeconds = EpisodeSeconds } },
        }, admin);

        var events = new EventService.EventServiceClient(channel);
        var secretaries = new Metadata[park.Branches];
        for (var b = 0; b < park.Branches; b++)
        {
            var branch = $"{park.Id}-b{b}";
            secretaries[b] = Park.Bearer(tokens.Mint($"secretary-{branch}", $"secretary:{branch}"));
            await events.PublishEventAsync(new PublishEventRequest
            {
                EventId = EventOf(park, b), BranchId = branch, Title = "支部主题党日", Place = "党员活动室", Capacity = Park.BranchSize,
                StartTime = Timestamp.FromDateTimeOffset(park.CreatedAt - TimeSpan.FromMinutes(1)),
                EndTime = Timestamp.FromDateTimeOffset(park.CreatedAt + TimeSpan.FromDays(1)),
                IdempotencyKey = EventOf(park, b),
            }, secretaries[b]);
        }

        await setup.ReadScreensAsync(events, secretaries);
        setup._refresher = setup.RefreshAsync(events, secretaries);
        return setup;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _refresher;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task ReadScreensAsync(EventService.EventServiceClient events, Metadata[] secretaries)
    {
        for (var b = 0; b < secretaries.Length; b++)
        {
            var screen = await events.GetCheckInCodeAsync(new GetCheckInCodeRequest { EventId = EventOf(Park, b) }, secretaries[b], cancellationToken: _stop.Token);
            _codes[b] = screen.Code;
        }
    }

    private async Task RefreshAsync(EventService.EventServiceClient events, Metadata[] secretaries)
    {
        using var timer = new PeriodicTimer(CodeRefresh);
        while (await timer.WaitForNextTickAsync(_stop.Token))
        {
            await ReadScreensAsync(events, secretaries);
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{QuizQuestions} questions, 1 course, {Park.Branches} meetings");
}
