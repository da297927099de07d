namespace Engagement;

/// <summary>Resolves the member's park-local "today" and forwards to that day's attempt; holds no state.</summary>
[GrainType("member-quiz"), StatelessWorker]
public sealed class MemberQuizGrain(DomainClock clock) : Grain, IMemberQuizGrain
{
    private string MemberId => this.GetPrimaryKeyString();

    public async Task<DailyQuiz> GetDailyQuizAsync(Caller caller, DateOnly? day, CancellationToken cancellationToken = default)
    {
        await DemandMemberAsync(caller, "see another member's quiz", cancellationToken);
        if (day is null)
        {
            var profile = await GrainFactory.GetGrain<IMemberGrain>(MemberId).GetMembershipAsync(cancellationToken);
            day = ParkClock.DayOf(clock.UtcNow, profile.TimeZone);
        }

        return await Attempt(day.Value).GetAsync(caller, cancellationToken);
    }

    public async Task<QuizSubmission> SubmitAsync(Caller caller, DateOnly day, IReadOnlyList<QuizAnswer> answers, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        await DemandMemberAsync(caller, "answer another member's quiz", cancellationToken);
        return await Attempt(day).SubmitAsync(caller, answers, idempotencyKey, cancellationToken);
    }

    /// <summary>Only the member themselves; the member is unknown to anyone outside their park.</summary>
    private async Task DemandMemberAsync(Caller caller, string action, CancellationToken cancellationToken)
    {
        if (!caller.Has(Role.Member, MemberId))
        {
            var profile = await GrainFactory.GetGrain<IMemberGrain>(MemberId).GetMembershipAsync(cancellationToken);
            throw await GrainFactory.RefusalAsync(caller, profile.ParkId, action, () => Missing.Member(MemberId), cancellationToken);
        }
    }

    private IQuizAttemptGrain Attempt(DateOnly day) => GrainFactory.GetGrain<IQuizAttemptGrain>(QuizKeys.Attempt(MemberId, day));
}
