namespace Engagement.Tests;

[Collection(ClusterCollection.Name)]
public sealed class DailyQuizTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    private DateOnly Today => ParkClock.DayOf(fixture.Time.GetUtcNow(), ParkClock.DefaultTimeZone);

    [Fact]
    public async Task TheDaysSetIsTheDocumentedDrawAndStaysFrozenWhenTheBankChangesThatDay()
    {
        var org = await new Org(_grains).CreateAsync();
        var bank = QuizBank.Singles("q", 12);
        await ImportAsync(org, QuizKeys.Park(org.Park), bank);
        var (first, second) = (await org.MemberAsync(), await org.MemberAsync());

        var quiz = await QuizOf(first).GetDailyQuizAsync(Caller(first), null);
        var chosen = quiz.Questions.Select(q => q.QuestionId).ToList();
        await ImportAsync(org, QuizKeys.Park(org.Park),
            [.. QuizBank.Singles("new", 20), .. bank.Select(q => q with { Stem = "改过的题干", CorrectOptions = [3] })]);
        var later = await QuizOf(second).GetDailyQuizAsync(Caller(second), null);

        Assert.Equal(Today, quiz.Day);
        Assert.Equal(QuizKeys.Park(org.Park), quiz.Bank);
        Assert.Equal(QuizBank.ExpectedDraw(QuizKeys.Park(org.Park), Today, bank), chosen);
        Assert.Equal(chosen, later.Questions.Select(q => q.QuestionId));
        Assert.DoesNotContain(later.Questions, q => q.Stem == "改过的题干");
        var result = (await QuizOf(second).SubmitAsync(Caller(second), Today, QuizBank.Answers(later, bank), "k")).Result;
        Assert.Equal(5, result.CorrectCount);
    }

    [Fact]
    public async Task ACommitteeBankServesOnlyFromTheDayItHoldsAFullSetAndUntilThenTheParkSetApplies()
    {
        var org = await new Org(_grains).CreateAsync();
        await ImportAsync(org, QuizKeys.Park(org.Park), QuizBank.Singles("park", 8));
        await ImportAsync(org, QuizKeys.Committee(org.Committee), QuizBank.Singles("com", 3));
        var member = await org.MemberAsync();

        var small = await QuizOf(member).GetDailyQuizAsync(Caller(member), null);
        await ImportAsync(org, QuizKeys.Committee(org.Committee), QuizBank.Singles("com", 6));
        var sameDay = await QuizOf(member).GetDailyQuizAsync(Caller(member), null);
        fixture.Time.Advance(TimeSpan.FromDays(1));
        var nextDay = await QuizOf(member).GetDailyQuizAsync(Caller(member), null);

        Assert.Equal(QuizKeys.Park(org.Park), small.Bank);
        Assert.Equal(QuizKeys.Park(org.Park), sameDay.Bank);
        Assert.Equal(QuizKeys.Committee(org.Committee), nextDay.Bank);
        Assert.All(nextDay.Questions, q => Assert.StartsWith("com-", q.QuestionId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SingleChoiceNeedsTheRightOptionAndMultipleChoiceExactlyTheRightSet()
    {
        var org = await new Org(_grains).CreateAsync();
        QuizQuestion[] bank =
        [
            QuizBank.Single("s1", 0, "党章"), QuizBank.Single("s2", 1, "党史"), QuizBank.Single("s3", 2, "党章"),
            QuizBank.Multiple("m1", [0, 2], "理论"), QuizBank.Multiple("m2", [1, 3], "纪律"),
        ];
        await ImportAsync(org, QuizKeys.Park(org.Park), bank);
        var member = await org.MemberAsync();
        var quiz = await QuizOf(member).GetDailyQuizAsync(Caller(member), null);
        Dictionary<string, int[]> choices = new() { ["s1"] = [0], ["s2"] = [2], ["s3"] = [2], ["m1"] = [2, 0], ["m2"] = [1] };

        var submission = await QuizOf(member).SubmitAsync(Caller(member), Today, [.. choices.Select(c => new QuizAnswer(c.Key, c.Value))], "k");
        var reviews = submission.Result.Questions.ToDictionary(r => r.QuestionId);

        Assert.Equal(5, quiz.Questions.Count);
        Assert.Equal([true, false, true, true, false], new[] { "s1", "s2", "s3", "m1", "m2" }.Select(id => reviews[id].Correct));
        Assert.Equal([0, 2], reviews["m1"].ChosenOptions);
        Assert.Equal([1, 3], reviews["m2"].CorrectOptions);
        Assert.Equal("解析 s2", reviews["s2"].Explanation);
        Assert.Equal(3, submission.Result.CorrectCount);
        Assert.Equal(3, submission.Result.PointsEarned);
        Assert.Equal(["党史", "纪律"], submission.Result.WrongAnswerTags.Order(StringComparer.Ordinal));
        Assert.Equal(3, submission.Result.Award!.PointsAwarded);
        Assert.Equal(LedgerEntryKind.Quiz, submission.Result.Award.Entry!.Kind);
        Assert.Equal(3, (await member.GetBalanceAsync(Caller(member))).Balance);
    }

    [Fact]
    public async Task FullMarksEarnTheBonusAndTheParksDailyCapCutsTheAward()
    {
        var org = await new Org(_grains).CreateAsync();
        await _grains.GetGrain<IParkGrain>(org.Park).SetRulesAsync(org.Admin,
            PointsRules.Default with { QuizPointsPerCorrect = 2, QuizDailyCap = 8 }, null, Org.Next("k"));
        var bank = QuizBank.Singles("q", 7);
        await ImportAsync(org, QuizKeys.Park(org.Park), bank);
        var member = await org.MemberAsync();
        var quiz = await QuizOf(member).GetDailyQuizAsync(Caller(member), null);

        var result = (await QuizOf(member).SubmitAsync(Caller(member), Today, QuizBank.Answers(quiz, bank), "k")).Result;

        Assert.True(result.FullMarks);
        Assert.Equal(5 * 2 + 1, result.PointsEarned);
        Assert.Equal(11, result.Award!.PointsRequested);
        Assert.Equal(8, result.Award.PointsAwarded);
        Assert.Equal(8, result.Award.DailyCap);
        Assert.Equal(8, (await member.GetBalanceAsync(Caller(member))).Balance);
    }

    [Fact]
    public async Task ASecondSubmissionReturnsTheFirstResultAndAwardsNothingMore()
    {
        var org = await new Org(_grains).CreateAsync();
        var bank = QuizBank.Singles("q", 6);
        await ImportAsync(org, QuizKeys.Park(org.Park), bank);
        var member = await org.MemberAsync();
        var quiz = await QuizOf(member).GetDailyQuizAsync(Caller(member), null);

        var first = await QuizOf(member).SubmitAsync(Caller(member), Today, QuizBank.Answers(quiz, bank, _ => true), "first");
        var second = await QuizOf(member).SubmitAsync(Caller(member), Today, QuizBank.Answers(quiz, bank), "second");
        var retry = await QuizOf(member).SubmitAsync(Caller(member), Today, QuizBank.Answers(quiz, bank, _ => true), "first");
        var otherAnswers = await Assert.ThrowsAsync<EngagementException>(() => QuizOf(member).SubmitAsync(Caller(member), Today, QuizBank.Answers(quiz, bank), "first"));
        var fetched = await QuizOf(member).GetDailyQuizAsync(Caller(member), null);

        Assert.False(first.AlreadySubmitted);
        Assert.True(second.AlreadySubmitted);
        Assert.False(retry.AlreadySubmitted);
        Assert.Equal(ErrorReasons.IdempotencyKeyReused, otherAnswers.Reason);
        Assert.All([second.Result, retry.Result, fetched.Result!], r =>
        {
            Assert.Equal(0, r.CorrectCount);
            Assert.Equal(first.Result.SubmittedAt, r.SubmittedAt);
            Assert.Equal(first.Result.Award, r.Award);
        });
        Assert.Equal(0, (await member.GetBalanceAsync(Caller(member))).Balance);
    }

    [Fact]
    public async Task AnUnverifiedMemberIsRefusedAndNothingIsStoredNotEvenTheDaysSet()
    {
        var org = await new Org(_grains).CreateAsync();
        var bank = QuizBank.Singles("q", 5);
        await ImportAsync(org, QuizKeys.Park(org.Park), bank);
        var member = await org.MemberAsync(verified: false);
        var answers = bank.Select(q => new QuizAnswer(q.QuestionId, q.CorrectOptions)).ToList();

        var submit = await Assert.ThrowsAsync<EngagementException>(() => QuizOf(member).SubmitAsync(Caller(member), Today, answers, "k"));
        var fetch = await Assert.ThrowsAsync<EngagementException>(() => QuizOf(member).GetDailyQuizAsync(Caller(member), null));
        await ImportAsync(org, QuizKeys.Park(org.Park), [.. bank.Select(q => q with { Stem = "第二版" })]);
        await member.VerifyAsync(org.Secretary, Org.Next("k"));
        var quiz = await QuizOf(member).GetDailyQuizAsync(Caller(member), null);
        var accepted = await QuizOf(member).SubmitAsync(Caller(member), Today, answers, "k");

        Assert.All([submit, fetch], e => Assert.Equal(ErrorReasons.MemberNotVerified, e.Reason));
        Assert.Null(quiz.Result);
        Assert.All(quiz.Questions, q => Assert.Equal("第二版", q.Stem));
        Assert.False(accepted.AlreadySubmitted);
        Assert.Equal(6, accepted.Result.Award!.PointsAwarded);
    }

    [Fact]
    public async Task AnswersThatDoNotFitTheDaysSetAreAllNamedAndNothingIsStored()
    {
        var org = await new Org(_grains).CreateAsync();
        var bank = QuizBank.Singles("q", 5);
        await ImportAsync(org, QuizKeys.Park(org.Park), bank);
        var member = await org.MemberAsync();
        List<QuizAnswer> answers = [.. bank.Skip(1).Select(q => new QuizAnswer(q.QuestionId, q.CorrectOptions))];
        answers[0] = answers[0] with { ChosenOptions = [0, 1] };
        answers.Add(new QuizAnswer("not-today", [0]));

        var error = await Assert.ThrowsAsync<EngagementException>(() => QuizOf(member).SubmitAsync(Caller(member), Today, answers, "k"));
        var fetched = await QuizOf(member).GetDailyQuizAsync(Caller(member), null);

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal(["answers[0].chosen_options", "answers[4].question_id", "answers"], error.Violations.Select(v => v.Field));
        Assert.Null(fetched.Result);
    }

    [Fact]
    public async Task AFutureDayIsNotFoundAPastDayIsClosedAndNobodyAnswersForAnotherMember()
    {
        var org = await new Org(_grains).CreateAsync();
        await ImportAsync(org, QuizKeys.Park(org.Park), QuizBank.Singles("q", 5));
        var (member, other) = (await org.MemberAsync(), await org.MemberAsync());
        QuizAnswer[] answers = [new("q-1", [1])];

        var future = await Assert.ThrowsAsync<EngagementException>(() => QuizOf(member).GetDailyQuizAsync(Caller(member), Today.AddDays(1)));
        var past = await Assert.ThrowsAsync<EngagementException>(() => QuizOf(member).SubmitAsync(Caller(member), Today.AddDays(-1), answers, "k"));
        var forOther = await Assert.ThrowsAsync<EngagementException>(() => QuizOf(member).SubmitAsync(Caller(other), Today, answers, "k"));
        var direct = await Assert.ThrowsAsync<EngagementException>(() =>
            _grains.GetGrain<IQuizAttemptGrain>(QuizKeys.Attempt(member.GetPrimaryKeyString(), Today)).GetAsync(org.Secretary));

        Assert.Equal((ErrorKind.NotFound, ErrorReasons.QuizDayNotFound), (future.Kind, future.Reason));
        Assert.Equal((ErrorKind.FailedPrecondition, ErrorReasons.QuizDayClosed), (past.Kind, past.Reason));
        Assert.Equal(ErrorKind.PermissionDenied, forOther.Kind);
        Assert.Equal(ErrorKind.PermissionDenied, direct.Kind);
    }

    [Fact]
    public async Task WithoutAnyQuestionTheQuizIsNotAvailable()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();

        var error = await Assert.ThrowsAsync<EngagementException>(() => QuizOf(member).GetDailyQuizAsync(Caller(member), null));

        Assert.Equal((ErrorKind.NotFound, ErrorReasons.QuizNotAvailable), (error.Kind, error.Reason));
    }

    private static Caller Caller(IMemberGrain member) => Org.MemberCaller(member.GetPrimaryKeyString());

    private IMemberQuizGrain QuizOf(IMemberGrain member) => _grains.GetGrain<IMemberQuizGrain>(member.GetPrimaryKeyString());

    private Task<QuizImportResult> ImportAsync(Org org, string bank, IReadOnlyList<QuizQuestion> questions) =>
        _grains.GetGrain<IQuizBankGrain>(bank).ImportAsync(org.Admin, questions, Org.Next("k"));
}
