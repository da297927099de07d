namespace Engagement;

/// <summary>
/// A member's quiz of one day. Every check (caller, verified, the day is today, the answers fit the day's set)
/// happens before the first write. The graded result is written first, then the points are awarded under a key
/// derived from the day and recorded in the result; a call that finds the award missing (a crash between the two)
/// completes it with the same key, which the member grain never pays twice. The member's quiz history (insights)
/// is told on the same path, before the award is recorded, so the same repair covers it.
/// </summary>
[GrainType("quiz-attempt")]
public sealed class QuizAttemptGrain(
    [PersistentState("quiz-attempt", StorageNames.Main)] IPersistentState<QuizAttemptState> state,
    DomainClock clock) : EngagementGrain, IQuizAttemptGrain
{
    private string MemberId => QuizKeys.SplitDayKey(this.GetPrimaryKeyString()).Owner;

    private DateOnly Day => QuizKeys.SplitDayKey(this.GetPrimaryKeyString()).Day;

    private IMemberGrainInternal Member => GrainFactory.GetGrain<IMemberGrainInternal>(MemberId);

    public async Task<DailyQuiz> GetAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        Caller.Demand(caller.Has(Role.Member, MemberId), "see another member's quiz");
        if (state.State.Result is not null)
        {
            var result = await EnsureAwardedAsync(cancellationToken);
            return View(await DayGrain(result.Scope).GetAsync(cancellationToken), result);
        }

        var profile = await OpenDayAsync(cancellationToken);
        return View(await DayGrain(QuizKeys.Committee(profile.CommitteeId)).GetAsync(cancellationToken), null);
    }

    public async Task<QuizSubmission> SubmitAsync(Caller caller, IReadOnlyList<QuizAnswer> answers, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Caller.Demand(caller.Has(Role.Member, MemberId), "answer another member's quiz");
        var request = RequestHash.Of(answers);
        if (state.State.Result is not null)
        {
            if (state.State.SubmissionKey == idempotencyKey && state.State.SubmissionHash is { } submitted && submitted != request)
            {
                throw EngagementException.AlreadyExists(ErrorReasons.IdempotencyKeyReused,
                    "This idempotency key already submitted other answers; the first submission counts.");
            }

            return new QuizSubmission(await EnsureAwardedAsync(cancellationToken), AlreadySubmitted: state.State.SubmissionKey != idempotencyKey);
        }

        var profile = await OpenDayAsync(cancellationToken);
        var scope = QuizKeys.Committee(profile.CommitteeId);
        var quiz = await DayGrain(scope).GetAsync(cancellationToken);
        var reviews = QuizGrading.Grade(quiz, answers);
        var now = clock.UtcNow;
        var rules = await GrainFactory.GetGrain<ICommitteeGrainInternal>(profile.CommitteeId).GetRulesAsync(now, cancellationToken);
        var correct = reviews.Count(r => r.Correct);
        var points = correct * rules.QuizPointsPerCorrect + (correct == reviews.Count ? rules.QuizFullMarksBonus : 0);
        state.State.Result = new QuizResult(Day, scope, quiz.Bank, reviews, correct, points, Award: null,
            QuizGrading.WrongAnswerTags(quiz, reviews), now);
        state.State.SubmissionKey = idempotencyKey;
        state.State.SubmissionHash = request;
        await SaveAsync(state);
        return new QuizSubmission(await EnsureAwardedAsync(cancellationToken), AlreadySubmitted: false);
    }

    /// <summary>The member's profile when they may take this day's quiz now: verified, and the day is today in their park.</summary>
    private async Task<MemberProfile> OpenDayAsync(CancellationToken cancellationToken)
    {
        var profile = await Member.GetMembershipAsync(cancellationToken);
        if (!profile.Verified)
        {
            throw EngagementException.FailedPrecondition(ErrorReasons.MemberNotVerified,
                "Only real-name verified members take the daily quiz; ask your branch secretary to verify you.");
        }

        var today = ParkClock.DayOf(clock.UtcNow, profile.TimeZone);
        if (Day > today)
        {
            throw EngagementException.NotFound(ErrorReasons.QuizDayNotFound,
                $"The quiz of {QuizKeys.Format(Day)} has not opened yet; it is {QuizKeys.Format(today)} in the park.");
        }

        return Day < today
            ? throw EngagementException.FailedPrecondition(ErrorReasons.QuizDayClosed,
                $"The quiz of {QuizKeys.Format(Day)} is closed; it is {QuizKeys.Format(today)} in the park.")
            : profile;
    }

    private async Task<QuizResult> EnsureAwardedAsync(CancellationToken cancellationToken)
    {
        var result = state.State.Result!;
        if (result.Award is not null)
        {
            return result;
        }

        // Before the award, so a graded quiz counts for insights even when the award fails (e.g. a deactivated
        // member); idempotent by day, so the repair of a crashed award records nothing twice.
        await GrainFactory.GetGrain<IMemberQuizHistoryGrain>(MemberId).RecordAsync(
            new QuizRecord(result.Day, result.Questions.Count, result.CorrectCount, result.WrongAnswerTags, result.SubmittedAt), cancellationToken);
        var key = $"quiz:{QuizKeys.Format(result.Day)}";
        var award = await Member.AwardAsync(new Award(Activity.Quiz, result.PointsEarned, key, key), cancellationToken);
        state.State.Result = result with { Award = award };
        await SaveAsync(state);
        return state.State.Result;
    }

    private IQuizDayGrain DayGrain(string scope) => GrainFactory.GetGrain<IQuizDayGrain>(QuizKeys.Day(scope, Day));

    private DailyQuiz View(QuizDay quiz, QuizResult? result) =>
        new(Day, quiz.Bank, [.. quiz.Questions.Select(QuizItem.Of)], result);
}
