namespace Engagement;

/// <summary>Resolves the member's park-local "today" and forwards to that day's attempt; holds no state.</summary>
[GrainType("member-quiz"), StatelessWorker]
public sealed class MemberQuizGrain(DomainClock clock) : Grain, IMemberQuizGrain
{
    private string MemberId => this.GetPrimaryKeyString();

    public async Task<DailyQuiz> GetDailyQuizAsync(Caller caller, DateOnly? day, CancellationToken cancellationToken = default)
    {
        Caller.Demand(caller.Has(Role.Member, MemberId), "see another member's quiz");
        if (day is null)
        {
            var profile = await GrainFactory.GetGrain<IMemberGrain>(MemberId).GetMembershipAsync(cancellationToken);
            day = ParkClock.DayOf(clock.UtcNow, profile.TimeZone);
        }

        return await Attempt(day.Value).GetAsync(caller, cancellationToken);
    }

    public Task<QuizSubmission> SubmitAsync(Caller caller, DateOnly day, IReadOnlyList<QuizAnswer> answers, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Caller.Demand(caller.Has(Role.Member, MemberId), "answer another member's quiz");
        return Attempt(day).SubmitAsync(caller, answers, idempotencyKey, cancellationToken);
    }

    private IQuizAttemptGrain Attempt(DateOnly day) => GrainFactory.GetGrain<IQuizAttemptGrain>(QuizKeys.Attempt(MemberId, day));
}
