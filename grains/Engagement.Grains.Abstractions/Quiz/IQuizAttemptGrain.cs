namespace Engagement;

/// <summary>A member's daily quiz of one day, keyed <c>{memberId}/{yyyy-MM-dd}</c>: holds the graded result.</summary>
[Alias("engagement.IQuizAttemptGrain")]
public interface IQuizAttemptGrain : IGrainWithStringKey
{
    /// <summary>
    /// The day's questions without answers, and the result once submitted. Only the member themselves, verified;
    /// the day must be today unless it was submitted.
    /// </summary>
    Task<DailyQuiz> GetAsync(Caller caller, CancellationToken cancellationToken = default);

    /// <summary>
    /// Grades the answers (one per question of the day) and awards the points once. Only the member themselves,
    /// verified, on the day itself. Every later submission returns the first result.
    /// </summary>
    Task<QuizSubmission> SubmitAsync(Caller caller, IReadOnlyList<QuizAnswer> answers, string idempotencyKey, CancellationToken cancellationToken = default);
}
