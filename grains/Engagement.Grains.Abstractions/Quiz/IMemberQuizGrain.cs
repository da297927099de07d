namespace Engagement;

/// <summary>
/// A member's door to the daily quiz, keyed by member id (stateless): resolves "today" in the member's park and
/// forwards to that day's <see cref="IQuizAttemptGrain"/>.
/// </summary>
[Alias("engagement.IMemberQuizGrain")]
public interface IMemberQuizGrain : IGrainWithStringKey
{
    /// <summary>The quiz of <paramref name="day"/> (null: today, park-local). Only the member themselves.</summary>
    Task<DailyQuiz> GetDailyQuizAsync(Caller caller, DateOnly? day, CancellationToken cancellationToken = default);

    /// <summary>Submits the answers of <paramref name="day"/>, which must be today. Only the member themselves.</summary>
    Task<QuizSubmission> SubmitAsync(Caller caller, DateOnly day, IReadOnlyList<QuizAnswer> answers, string idempotencyKey, CancellationToken cancellationToken = default);
}
