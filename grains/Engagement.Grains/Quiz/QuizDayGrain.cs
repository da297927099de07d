namespace Engagement;

/// <summary>
/// Freezes a scope's question set for a day. A committee scope uses its own bank when it holds a full set
/// (<see cref="QuizLimits.QuestionsPerDay"/>), else its park's day set (shared by every committee that falls back),
/// else whatever its own bank holds.
/// </summary>
[GrainType("quiz-day")]
public sealed class QuizDayGrain(
    [PersistentState("quiz-day", StorageNames.Main)] IPersistentState<QuizDayState> state,
    DomainClock clock) : EngagementGrain, IQuizDayGrain
{
    public async Task<QuizDay> GetAsync(CancellationToken cancellationToken = default)
    {
        if (state.State.Day is { } frozen)
        {
            return frozen;
        }

        var (scope, day) = QuizKeys.SplitDayKey(this.GetPrimaryKeyString());
        var (bank, questions) = await DrawAsync(scope, day, cancellationToken);
        if (questions.Count == 0)
        {
            throw EngagementException.NotFound(ErrorReasons.QuizNotAvailable,
                "There is no daily quiz yet: the question bank is empty. A park admin imports the questions.");
        }

        state.State.Day = new QuizDay(day, bank, questions, clock.UtcNow);
        await SaveAsync(state);
        return state.State.Day;
    }

    private async Task<(string Bank, IReadOnlyList<QuizQuestion> Questions)> DrawAsync(string scope, DateOnly day, CancellationToken cancellationToken)
    {
        var own = await GrainFactory.GetGrain<IQuizBankGrainInternal>(scope).DrawAsync(day, QuizLimits.QuestionsPerDay, cancellationToken);
        var (kind, id) = QuizKeys.SplitScope(scope);
        if (kind != QuizKeys.CommitteeScope || own.Count >= QuizLimits.QuestionsPerDay)
        {
            return (scope, own);
        }

        var committee = await GrainFactory.GetGrain<ICommitteeGrainInternal>(id).GetInfoAsync(cancellationToken);
        try
        {
            var park = await GrainFactory.GetGrain<IQuizDayGrain>(QuizKeys.Day(QuizKeys.Park(committee.ParkId), day)).GetAsync(cancellationToken);
            return (park.Bank, park.Questions);
        }
        catch (EngagementException e) when (e.Reason == ErrorReasons.QuizNotAvailable && own.Count > 0)
        {
            return (scope, own);
        }
    }
}
