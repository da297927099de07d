namespace Engagement;

/// <summary>
/// Builds a member's recommendations for today, in this order: check-in, quiz, course episodes (today's caps),
/// upcoming events, courses for review. An activity whose daily cap is reached recommends nothing.
/// </summary>
internal sealed class Recommender(IGrainFactory grains, Caller caller, MemberProfile member, DateTimeOffset now, DateOnly today)
{
    public async Task<IReadOnlyList<Recommendation>> BuildAsync(CancellationToken cancellationToken)
    {
        var rulesTask = grains.GetGrain<ICommitteeGrainInternal>(member.CommitteeId).GetRulesAsync(now, cancellationToken);
        var progressTask = grains.GetGrain<IMemberGrain>(member.MemberId).GetDailyProgressAsync(caller, cancellationToken);
        var quizzesTask = grains.GetGrain<IMemberQuizHistoryGrain>(member.MemberId)
            .ReadAsync(today.AddDays(1 - InsightsLimits.WrongAnswerDays), today, cancellationToken);
        var coursesTask = grains.GetGrain<IMemberCoursesGrain>(member.MemberId).ListAsync(caller, cancellationToken);
        var eventsTask = new EventRecommendations(grains, member, now).ListAsync(cancellationToken);
        var (rules, progress, quizzes, courses) = (await rulesTask, await progressTask, await quizzesTask, await coursesTask);

        var items = new List<Recommendation>();
        if (Left(progress, Activity.CheckIn) is long checkIn and > 0 && Earned(progress, Activity.CheckIn) == 0)
        {
            // The check-in that makes the streak a multiple of streak_every also pays the bonus.
            var streak = progress.StreakDays + 1;
            var bonus = rules.StreakEvery > 0 && streak % rules.StreakEvery == 0 ? rules.StreakBonus : 0;
            items.Add(new Recommendation(RecommendationKind.CheckIn, "每日签到", QuizKeys.Format(today), checkIn + bonus));
        }

        if (!quizzes.Any(q => q.Day == today) && Left(progress, Activity.Quiz) is long quizLeft and > 0 && await QuizOpenAsync(cancellationToken))
        {
            var most = QuizLimits.QuestionsPerDay * rules.QuizPointsPerCorrect + rules.QuizFullMarksBonus;
            items.Add(new Recommendation(RecommendationKind.DailyQuiz, "每日答题", QuizKeys.Format(today), Math.Min(most, quizLeft)));
        }

        if (Left(progress, Activity.CourseEpisode) is long episodesLeft and > 0)
        {
            items.AddRange(CourseRecommendations.NextEpisodes(courses, Math.Min(rules.EpisodePoints, episodesLeft)));
        }

        items.AddRange(await eventsTask);
        var wrongTags = quizzes.SelectMany(q => q.WrongAnswerTags).ToHashSet(StringComparer.Ordinal);
        items.AddRange(CourseRecommendations.ForReview(courses, wrongTags, rules));
        return items;
    }

    /// <summary>What the activity may still earn today; null when it has no daily cap.</summary>
    private static long? Left(DailyProgress progress, Activity activity) =>
        progress.Activities.FirstOrDefault(a => a.Activity == activity) is { DailyCap: { } cap } a ? Math.Max(0, cap - a.Earned) : null;

    private static long Earned(DailyProgress progress, Activity activity) =>
        progress.Activities.FirstOrDefault(a => a.Activity == activity)?.Earned ?? 0;

    /// <summary>Whether today's quiz can be taken: the committee's or the park's bank holds a question (reads only; freezes nothing).</summary>
    private async Task<bool> QuizOpenAsync(CancellationToken cancellationToken)
    {
        foreach (var bank in new[] { QuizKeys.Committee(member.CommitteeId), QuizKeys.Park(member.ParkId) })
        {
            if ((await grains.GetGrain<IQuizBankGrainInternal>(bank).DrawAsync(today, 1, cancellationToken)).Count > 0)
            {
                return true;
            }
        }

        return false;
    }
}
