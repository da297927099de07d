namespace Engagement;

/// <summary>
/// A member's activity over a period of park-local days (docs/insights.md defines every figure). Points, hours and
/// streaks come from the ledger; quizzes, courses and events from their features' own records.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.MemberProfileStats")]
public sealed record MemberProfileStats(
    [property: Id(0)] string MemberId,
    [property: Id(1)] DateOnly From,
    [property: Id(2)] DateOnly To,
    [property: Id(3)] string TimeZone,
    [property: Id(4)] IReadOnlyList<DayPoints> Days,
    [property: Id(5)] IReadOnlyList<KindPoints> Totals,
    [property: Id(6)] long Earned,
    [property: Id(7)] long Adjusted,
    [property: Id(8)] long Spent,
    [property: Id(9)] long Refunded,
    [property: Id(10)] int CurrentStreakDays,
    [property: Id(11)] int LongestStreakDays,
    [property: Id(12)] int ActiveDays,
    [property: Id(13)] IReadOnlyList<int> ActiveHours,
    [property: Id(14)] QuizAccuracy Quiz,
    [property: Id(15)] IReadOnlyList<FinishedCourse> CoursesFinished,
    [property: Id(16)] IReadOnlyList<AttendedEvent> EventsAttended,
    [property: Id(17)] IReadOnlyList<WeekRank> RankHistory)
{
    /// <summary>What the period changed the balance by: earned + adjusted − spent + refunded.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long NetChange => Earned + Adjusted - Spent + Refunded;
}
