namespace Engagement;

/// <summary>Which courses to suggest: the next episodes for today's cap, and courses on the topics of missed questions.</summary>
internal static class CourseRecommendations
{
    /// <summary>
    /// The next unwatched episode of each course in progress (some episode covered, not completed), in catalogue
    /// order; when no course is in progress, the first episode of the first course not started.
    /// </summary>
    public static IEnumerable<Recommendation> NextEpisodes(IReadOnlyList<MemberCourse> courses, long points)
    {
        var open = courses.Where(c => !c.Progress.Completed).ToList();
        var started = open.Where(c => c.Progress.Episodes.Any(e => e.Watched || e.CoveredSeconds > 0)).ToList();
        var chosen = started.Count > 0 ? started : open.Take(1).ToList();
        return chosen.Take(InsightsLimits.MaxPerKind).Select(c =>
        {
            var next = c.Course.Episodes.Zip(c.Progress.Episodes).First(x => !x.Second.Watched).First;
            return new Recommendation(RecommendationKind.CourseEpisode, $"{c.Course.Title}：{next.Title}", c.Course.CourseId, points, next.EpisodeId);
        });
    }

    /// <summary>
    /// Courses not completed whose tags match tags of recently missed questions, most matching tags first (then in
    /// catalogue order). Points: the unwatched episodes and the completion bonus.
    /// </summary>
    public static IEnumerable<Recommendation> ForReview(IReadOnlyList<MemberCourse> courses, IReadOnlySet<string> wrongTags, PointsRules rules) =>
        courses.Where(c => !c.Progress.Completed)
            .Select((c, index) => (Course: c, Index: index, Matching: c.Course.Tags.Where(wrongTags.Contains).Distinct(StringComparer.Ordinal).ToList()))
            .Where(x => x.Matching.Count > 0)
            .OrderByDescending(x => x.Matching.Count).ThenBy(x => x.Index)
            .Take(InsightsLimits.MaxPerKind)
            .Select(x => new Recommendation(RecommendationKind.ReviewCourse, x.Course.Course.Title, x.Course.Course.CourseId,
                x.Course.Progress.Episodes.Count(e => !e.Watched) * rules.EpisodePoints + rules.CourseCompletedPoints,
                MatchingTags: x.Matching));
}
