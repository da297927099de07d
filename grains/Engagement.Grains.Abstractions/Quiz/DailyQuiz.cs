namespace Engagement;

/// <summary>A member's quiz of one day: the questions without answers, and the graded result once submitted.</summary>
[GenerateSerializer, Immutable, Alias("engagement.DailyQuiz")]
public sealed record DailyQuiz(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] string Bank,
    [property: Id(2)] IReadOnlyList<QuizItem> Questions,
    [property: Id(3)] QuizResult? Result);
