namespace Engagement;

/// <summary>
/// The question set of one scope for one park-local day, keyed <c>{scope}/{yyyy-MM-dd}</c>. Frozen on first
/// access, so a bank change later that day does not change the day's quiz. For other grains only (it holds answers).
/// </summary>
[Alias("engagement.IQuizDayGrain")]
public interface IQuizDayGrain : IGrainWithStringKey
{
    /// <summary>
    /// The day's questions with answers; NotFound <see cref="ErrorReasons.QuizNotAvailable"/> (and nothing frozen)
    /// while there is no question to draw.
    /// </summary>
    Task<QuizDay> GetAsync(CancellationToken cancellationToken = default);
}
