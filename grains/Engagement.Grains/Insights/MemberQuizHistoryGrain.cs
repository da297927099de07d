namespace Engagement;

/// <summary>
/// A member's quiz history for insights: quiz accuracy over any period and the tags of recently missed questions,
/// including quizzes that earned nothing (they leave no ledger entry).
/// </summary>
[GrainType("member-quiz-history")]
public sealed class MemberQuizHistoryGrain(
    [PersistentState("member-quiz-history", StorageNames.Main)] IPersistentState<MemberQuizHistoryState> state) : EngagementGrain, IMemberQuizHistoryGrain
{
    private List<QuizRecord> Records => state.State.Records;

    public async Task RecordAsync(QuizRecord record, CancellationToken cancellationToken = default)
    {
        if (Records.Exists(r => r.Day == record.Day))
        {
            return;
        }

        Records.Add(record);
        Records.Sort((a, b) => a.Day.CompareTo(b.Day));
        var oldest = Records[^1].Day.AddDays(1 - InsightsLimits.LookbackDays);
        Records.RemoveAll(r => r.Day < oldest);
        await SaveAsync(state);
    }

    public Task<IReadOnlyList<QuizRecord>> ReadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<QuizRecord>>([.. Records.Where(r => r.Day >= from && r.Day <= to)]);
}
