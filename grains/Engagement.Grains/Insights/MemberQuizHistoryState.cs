namespace Engagement;

/// <summary>A member's graded quizzes, oldest first, one per day; bounded to <see cref="InsightsLimits.LookbackDays"/> days.</summary>
[GenerateSerializer, Alias("engagement.MemberQuizHistoryState")]
public sealed class MemberQuizHistoryState
{
    [Id(0)]
    public List<QuizRecord> Records { get; set; } = [];
}
