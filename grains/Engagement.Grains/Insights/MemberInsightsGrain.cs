namespace Engagement;

/// <summary>
/// A member's profile figures and recommendations. Holds no durable state: the ledger entries of recent periods stay
/// in memory (<see cref="LedgerWindow"/>) while the grain is active, so the next request reads only newer entries.
/// </summary>
[GrainType("member-insights")]
public sealed class MemberInsightsGrain(DomainClock clock) : Grain, IMemberInsightsGrain
{
    private readonly LedgerWindow _ledger = new();

    private string MemberId => this.GetPrimaryKeyString();

    private IMemberGrain Member => GrainFactory.GetGrain<IMemberGrain>(MemberId);

    public async Task<MemberProfileStats> GetProfileStatsAsync(Caller caller, DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default)
    {
        var profile = await Member.GetMembershipAsync(cancellationToken);
        await GrainFactory.DemandAsync(caller, InsightsAccess.MayReadProfile(caller, profile), profile.ParkId, "read this member's profile",
            () => Missing.Member(MemberId), cancellationToken);
        var today = ParkClock.DayOf(clock.UtcNow, profile.TimeZone);
        var (start, end) = InsightsPeriod.Resolve(from, to, today);

        var progress = Member.GetDailyProgressAsync(caller, cancellationToken);
        var quizzes = GrainFactory.GetGrain<IMemberQuizHistoryGrain>(MemberId).ReadAsync(start, end, cancellationToken);
        var events = GrainFactory.GetGrain<IMemberEventHistoryGrain>(MemberId)
            .ReadAsync(InsightsPeriod.NotAfterStartOf(start), InsightsPeriod.NotBeforeEndOf(end), cancellationToken);
        var courses = GrainFactory.GetGrain<IMemberCoursesGrain>(MemberId).ListAsync(caller, cancellationToken);
        var ranks = RankHistory.ReadAsync(GrainFactory, profile, start, end, cancellationToken);
        var entries = await _ledger.ReadAsync(Member, InsightsPeriod.NotAfterStartOf(start),
            InsightsPeriod.NotAfterStartOf(InsightsPeriod.Earliest(today)), cancellationToken);
        var figures = ProfileFigures.Of(entries, profile.TimeZone, start, end);

        bool InPeriod(DateTimeOffset at) => ParkClock.DayOf(at, profile.TimeZone) is var day && day >= start && day <= end;
        var graded = await quizzes;
        var quiz = new QuizAccuracy(graded.Count, graded.Sum(q => q.Questions), graded.Sum(q => q.Correct));
        var finished = (await courses)
            .Where(c => c.Progress.CompletedAt is { } at && InPeriod(at))
            .Select(c => new FinishedCourse(c.Course.CourseId, c.Course.Title, c.Progress.CompletedAt!.Value))
            .OrderBy(c => c.CompletedAt).ThenBy(c => c.CourseId, StringComparer.Ordinal)
            .ToList();
        var attended = (await events).Where(e => InPeriod(e.At)).ToList();
        return new MemberProfileStats(MemberId, start, end, profile.TimeZone, figures.Days, figures.Totals,
            figures.Earned, figures.Adjusted, figures.Spent, figures.Refunded, (await progress).StreakDays, figures.LongestStreakDays,
            figures.ActiveDays, figures.ActiveHours, quiz, finished, attended, await ranks);
    }

    public async Task<MemberRecommendations> GetRecommendationsAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var profile = await Member.GetMembershipAsync(cancellationToken);
        await GrainFactory.DemandAsync(caller, InsightsAccess.MayReadRecommendations(caller, profile), profile.ParkId, "read this member's recommendations",
            () => Missing.Member(MemberId), cancellationToken);
        var now = clock.UtcNow;
        var today = ParkClock.DayOf(now, profile.TimeZone);
        var blocked = !profile.Active ? ErrorReasons.MemberDeactivated : !profile.Verified ? ErrorReasons.MemberNotVerified : null;
        if (blocked is not null)
        {
            return new MemberRecommendations(MemberId, today, blocked, []);
        }

        var items = await new Recommender(GrainFactory, caller, profile, now, today).BuildAsync(cancellationToken);
        return new MemberRecommendations(MemberId, today, null, items);
    }
}
