namespace Engagement;

/// <summary>
/// A member's graded daily quizzes, one record per park-local day, keyed by member id. Written by the quiz attempt
/// grains (idempotently by day); kept for <see cref="InsightsLimits.LookbackDays"/> days.
/// </summary>
[Alias("engagement.IMemberQuizHistoryGrain")]
public interface IMemberQuizHistoryGrain : IGrainWithStringKey
{
    /// <summary>Records a day's graded quiz; a second record of the same day changes nothing.</summary>
    Task RecordAsync(QuizRecord record, CancellationToken cancellationToken = default);

    /// <summary>The records of the days <paramref name="from"/>..<paramref name="to"/> (inclusive), oldest first. No caller check.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<QuizRecord>> ReadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}
