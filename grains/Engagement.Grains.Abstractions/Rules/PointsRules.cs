namespace Engagement;

/// <summary>
/// The points rules of a park or committee (../shared/DOMAIN.md). A change takes effect from its effective time and
/// never rewrites points already earned: awards are computed with the rules in force when they happen.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.PointsRules")]
public sealed record PointsRules(
    [property: Id(0)] long CheckInPoints = 1,
    [property: Id(1)] int StreakEvery = 7,
    [property: Id(2)] long StreakBonus = 5,
    [property: Id(3)] long QuizPointsPerCorrect = 1,
    [property: Id(4)] long QuizFullMarksBonus = 1,
    [property: Id(5)] long QuizDailyCap = 6,
    [property: Id(6)] long EpisodePoints = 1,
    [property: Id(7)] long EpisodeDailyCap = 6,
    [property: Id(8)] int EpisodeWatchedPercent = 80,
    [property: Id(9)] long CourseCompletedPoints = 5,
    [property: Id(10)] long EventOnSiteDefaultPoints = 5,
    [property: Id(11)] int EventRemoteMinutes = 30,
    [property: Id(12)] int EventRemotePercent = 50)
{
    public static PointsRules Default { get; } = new();

    /// <summary>The most an activity may earn in one park-local day; null means no daily cap.</summary>
    public long? DailyCap(Activity activity) => activity switch
    {
        Activity.CheckIn => CheckInPoints,
        Activity.Quiz => QuizDailyCap,
        Activity.CourseEpisode => EpisodeDailyCap,
        _ => null,
    };
}
