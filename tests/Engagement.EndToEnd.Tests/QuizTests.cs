using System.Globalization;
using Engagement.V1;
using Grpc.Core;

namespace Engagement.EndToEnd;

[Collection(NodeCollection.Name)]
public sealed class QuizTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    [Fact]
    public async Task AMemberAnswersWithoutSeeingAnswersThenSeesThemWithExplanationsAndEarnsQuizPoints()
    {
        var (seed, bank) = await ParkWithBankAsync(8);
        var (id, member) = await seed.MemberAsync();
        var quiz = Node.QuizOfMember(id);

        var before = await quiz.GetDailyQuizAsync(new GetDailyQuizRequest());
        var submitted = await quiz.SubmitDailyQuizAsync(QuizClients.Answers(before, bank, "answers-1", q => q.QuestionId == before.Questions[0].QuestionId));
        var after = await quiz.GetDailyQuizAsync(new GetDailyQuizRequest { MemberId = id, Day = before.Day });
        var ledger = await member.Points.ListLedgerAsync(new ListLedgerRequest());

        Assert.Equal(5, before.Questions.Count);
        Assert.False(before.Submitted);
        Assert.Null(before.Result);
        var result = submitted.Result;
        Assert.False(submitted.AlreadySubmitted);
        Assert.Equal((4, 5, false), (result.CorrectCount, result.QuestionCount, result.FullMarks));
        Assert.Equal(before.Questions.Select(q => q.QuestionId), result.Questions.Select(r => r.QuestionId));
        var missed = result.Questions[0];
        var truth = bank.Single(q => q.QuestionId == missed.QuestionId);
        Assert.False(missed.Correct);
        Assert.Equal(truth.CorrectOptions, missed.CorrectOptions);
        Assert.NotEqual(truth.CorrectOptions, missed.ChosenOptions);
        Assert.Equal(truth.Explanation, missed.Explanation);
        Assert.Equal(truth.Tags, result.WrongAnswerTags);
        Assert.Equal((4, 4, 4), (result.PointsEarned, result.Award.PointsAwarded, result.Award.Balance));
        Assert.True(after.Submitted);
        Assert.Equal(result, after.Result);
        var entry = Assert.Single(ledger.Entries);
        Assert.Equal((V1.LedgerEntryKind.Quiz, 4L, $"quiz:{before.Day}"), (entry.Kind, entry.Amount, entry.Reference));
        Assert.Equal(4, (await member.Points.GetBalanceAsync(new GetBalanceRequest())).Balance);
    }

    [Fact]
    public async Task ARetryOrASecondSubmissionReturnsTheFirstResultAndAwardsNothingMore()
    {
        var (seed, bank) = await ParkWithBankAsync(6);
        var (id, member) = await seed.MemberAsync();
        var quiz = Node.QuizOfMember(id);
        var today = await quiz.GetDailyQuizAsync(new GetDailyQuizRequest());

        var first = await quiz.SubmitDailyQuizAsync(QuizClients.Answers(today, bank, "first"));
        var retry = await quiz.SubmitDailyQuizAsync(QuizClients.Answers(today, bank, "first"));
        var second = await quiz.SubmitDailyQuizAsync(QuizClients.Answers(today, bank, "second", _ => true));

        Assert.Equal((6, 6L, 6L), (first.Result.Award.PointsRequested, first.Result.Award.PointsAwarded, first.Result.Award.DailyCap));
        Assert.Equal(first, retry);
        Assert.True(second.AlreadySubmitted);
        Assert.Equal(first.Result, second.Result);
        Assert.Equal(6, (await member.Points.GetBalanceAsync(new GetBalanceRequest())).Balance);
        Assert.Single((await member.Points.ListLedgerAsync(new ListLedgerRequest())).Entries);
    }

    [Fact]
    public async Task APastDayIsClosedAFutureDayIsNotFoundAndNeitherChangesAnything()
    {
        var (seed, bank) = await ParkWithBankAsync(5);
        var (id, member) = await seed.MemberAsync();
        var quiz = Node.QuizOfMember(id);
        var today = await quiz.GetDailyQuizAsync(new GetDailyQuizRequest());
        var answers = QuizClients.Answers(today, bank, "k");
        var day = DateOnly.ParseExact(today.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        answers.Day = day.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, ErrorReasons.QuizDayClosed, () => quiz.SubmitDailyQuizAsync(answers));
        answers.Day = day.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.QuizDayNotFound, () => quiz.SubmitDailyQuizAsync(answers));
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.QuizDayNotFound,
            () => quiz.GetDailyQuizAsync(new GetDailyQuizRequest { Day = answers.Day }));
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => quiz.SubmitDailyQuizAsync(new SubmitDailyQuizRequest { Day = "23/11/2026" }));

        Assert.Equal(["day", "answers", "idempotency_key"], RpcAssert.ViolatedFields(error));
        Assert.False((await quiz.GetDailyQuizAsync(new GetDailyQuizRequest())).Submitted);
        Assert.Equal(0, (await member.Points.GetBalanceAsync(new GetBalanceRequest())).Balance);
    }

    [Fact]
    public async Task NobodySubmitsForAnotherMemberAndAnUnverifiedMemberIsRefused()
    {
        var (seed, bank) = await ParkWithBankAsync(5);
        var (id, member) = await seed.MemberAsync();
        var (otherId, _) = await seed.MemberAsync();
        var (unverifiedId, _) = await seed.MemberAsync(verified: false);
        var today = await Node.QuizOfMember(id).GetDailyQuizAsync(new GetDailyQuizRequest());
        var answers = QuizClients.Answers(today, bank, "k");
        answers.MemberId = id;

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied, () => Node.QuizOfMember(otherId).SubmitDailyQuizAsync(answers));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => Node.QuizAs("secretary", new RoleGrant(Role.Secretary, seed.Branch)).GetDailyQuizAsync(new GetDailyQuizRequest { MemberId = id }));
        answers.MemberId = "";
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, ErrorReasons.MemberNotVerified,
            () => Node.QuizOfMember(unverifiedId).SubmitDailyQuizAsync(answers));

        Assert.False((await Node.QuizOfMember(id).GetDailyQuizAsync(new GetDailyQuizRequest())).Submitted);
        Assert.Equal(0, (await member.Points.GetBalanceAsync(new GetBalanceRequest())).Balance);
    }

    [Fact]
    public async Task ANewSetStartsAtParkLocalMidnightAndAnswersFetchedBeforeItAreClosed()
    {
        var (seed, bank) = await ParkWithBankAsync(30);
        var (id, member) = await seed.MemberAsync();
        var quiz = Node.QuizOfMember(id);
        var now = Node.Time.GetUtcNow();
        // The next 23:59:30 in Shanghai (15:59:30 UTC).
        var beforeMidnight = new DateTimeOffset(now.Year, now.Month, now.Day, 15, 59, 30, TimeSpan.Zero);
        Node.Time.Advance((beforeMidnight <= now ? beforeMidnight.AddDays(1) : beforeMidnight) - now);

        var evening = await quiz.GetDailyQuizAsync(new GetDailyQuizRequest());
        Node.Time.Advance(TimeSpan.FromMinutes(1));
        var late = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, ErrorReasons.QuizDayClosed,
            () => quiz.SubmitDailyQuizAsync(QuizClients.Answers(evening, bank, "late")));
        var morning = await quiz.GetDailyQuizAsync(new GetDailyQuizRequest());
        var submitted = await quiz.SubmitDailyQuizAsync(QuizClients.Answers(morning, bank, "morning"));

        Assert.Contains(evening.Day, late.Status.Detail, StringComparison.Ordinal);
        Assert.NotEqual(evening.Day, morning.Day);
        Assert.NotEqual(evening.Questions.Select(q => q.QuestionId), morning.Questions.Select(q => q.QuestionId));
        Assert.Equal(morning.Day, submitted.Result.Day);
        Assert.Equal(6, (await member.Points.GetBalanceAsync(new GetBalanceRequest())).Balance);
    }

    private async Task<(Seed Seed, List<Question> Bank)> ParkWithBankAsync(int questions)
    {
        var seed = await Seed.CreateAsync(Node);
        var bank = QuizClients.Singles("q", questions);
        await Node.QuizAs("admin", new RoleGrant(Role.ParkAdmin, seed.Park)).ImportQuestionsAsync(QuizClients.ImportInto(seed.Park, bank));
        return (seed, bank);
    }
}
