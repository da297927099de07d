using Google.Protobuf.WellKnownTypes;

namespace Engagement.Gateway;

/// <summary>Points rules between the wire and the domain, with the bounds a sane rule set keeps.</summary>
public static class RulesMapping
{
    private const int MaxPoints = 10_000;

    public static V1.PointsRules ToProto(this PointsRules rules) => new()
    {
        CheckInPoints = rules.CheckInPoints,
        StreakEvery = rules.StreakEvery,
        StreakBonus = rules.StreakBonus,
        QuizPointsPerCorrect = rules.QuizPointsPerCorrect,
        QuizFullMarksBonus = rules.QuizFullMarksBonus,
        QuizDailyCap = rules.QuizDailyCap,
        EpisodePoints = rules.EpisodePoints,
        EpisodeDailyCap = rules.EpisodeDailyCap,
        EpisodeWatchedPercent = rules.EpisodeWatchedPercent,
        CourseCompletedPoints = rules.CourseCompletedPoints,
        EventOnSiteDefaultPoints = rules.EventOnSiteDefaultPoints,
        EventRemoteMinutes = rules.EventRemoteMinutes,
        EventRemotePercent = rules.EventRemotePercent,
    };

    public static V1.RuleSchedule ToProto(this RuleSchedule schedule)
    {
        var response = new V1.RuleSchedule { InForce = schedule.InForce.ToProto(), Inherited = schedule.Inherited };
        response.Versions.AddRange(schedule.Versions.Select(v => new V1.RuleVersion
        {
            EffectiveTime = Timestamp.FromDateTimeOffset(v.EffectiveFrom),
            Rules = v.Rules?.ToProto(),
            ChangedBy = v.ChangedBy,
            ChangeTime = Timestamp.FromDateTimeOffset(v.ChangedAt),
        }));
        return response;
    }

    /// <summary>Validates every field (reporting each bad one) and maps to the domain.</summary>
    public static PointsRules ToDomain(this V1.PointsRules rules, RequestValidator validator)
    {
        void Points(string field, long value) => validator.Range(field, value, 0, MaxPoints);
        Points("rules.check_in_points", rules.CheckInPoints);
        validator.Range("rules.streak_every", rules.StreakEvery, 1, 366);
        Points("rules.streak_bonus", rules.StreakBonus);
        Points("rules.quiz_points_per_correct", rules.QuizPointsPerCorrect);
        Points("rules.quiz_full_marks_bonus", rules.QuizFullMarksBonus);
        Points("rules.quiz_daily_cap", rules.QuizDailyCap);
        Points("rules.episode_points", rules.EpisodePoints);
        Points("rules.episode_daily_cap", rules.EpisodeDailyCap);
        validator.Range("rules.episode_watched_percent", rules.EpisodeWatchedPercent, 1, 100);
        Points("rules.course_completed_points", rules.CourseCompletedPoints);
        Points("rules.event_on_site_default_points", rules.EventOnSiteDefaultPoints);
        validator.Range("rules.event_remote_minutes", rules.EventRemoteMinutes, 1, 24 * 60);
        validator.Range("rules.event_remote_percent", rules.EventRemotePercent, 0, 100);
        return new PointsRules(rules.CheckInPoints, rules.StreakEvery, rules.StreakBonus, rules.QuizPointsPerCorrect,
            rules.QuizFullMarksBonus, rules.QuizDailyCap, rules.EpisodePoints, rules.EpisodeDailyCap, rules.EpisodeWatchedPercent,
            rules.CourseCompletedPoints, rules.EventOnSiteDefaultPoints, rules.EventRemoteMinutes, rules.EventRemotePercent);
    }
}
