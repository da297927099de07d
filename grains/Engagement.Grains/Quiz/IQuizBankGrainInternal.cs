namespace Engagement;

/// <summary>
/// What day grains ask of a question bank without a caller: the day's draw (with answers).
/// It lives in the grains assembly, so the gateway (which references only the abstractions) cannot call it.
/// Implemented by the same grain as <see cref="IQuizBankGrain"/>.
/// </summary>
[Alias("engagement.IQuizBankGrainInternal")]
public interface IQuizBankGrainInternal : IGrainWithStringKey
{
    /// <summary>
    /// For day grains: the first <paramref name="count"/> questions of the bank in the day's deterministic order
    /// (all of them when the bank is smaller; none when it is empty).
    /// </summary>
    Task<IReadOnlyList<QuizQuestion>> DrawAsync(DateOnly day, int count, CancellationToken cancellationToken = default);
}
