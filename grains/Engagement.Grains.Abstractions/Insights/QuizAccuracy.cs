namespace Engagement;

/// <summary>The graded daily quizzes of a period: quizzes, questions answered and correct answers.</summary>
[GenerateSerializer, Immutable, Alias("engagement.QuizAccuracy")]
public sealed record QuizAccuracy(
    [property: Id(0)] int QuizzesTaken,
    [property: Id(1)] int QuestionsAnswered,
    [property: Id(2)] int CorrectAnswers)
{
    /// <summary>Correct answers / questions answered; 0 when nothing was answered.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double Ratio => QuestionsAnswered == 0 ? 0 : (double)CorrectAnswers / QuestionsAnswered;
}
