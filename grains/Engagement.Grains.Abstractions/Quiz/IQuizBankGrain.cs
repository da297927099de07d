namespace Engagement;

/// <summary>
/// The question bank of a park or a committee, keyed <c>park:{parkId}</c> or <c>committee:{committeeId}</c>
/// (<see cref="QuizKeys"/>). Questions are upserted by their client-chosen id.
/// </summary>
[Alias("engagement.IQuizBankGrain")]
public interface IQuizBankGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds new questions and replaces those whose id exists, all or nothing. Needs park-admin of the park (of the
    /// committee's park for a committee bank). A retry with the same key returns the first result; the same key with
    /// a different batch is refused.
    /// </summary>
    Task<QuizImportResult> ImportAsync(Caller caller, IReadOnlyList<QuizQuestion> questions, string idempotencyKey, CancellationToken cancellationToken = default);
}
