namespace Engagement;

[GenerateSerializer, Alias("engagement.QuizDayState")]
public sealed class QuizDayState
{
    /// <summary>The frozen set; null until the day is first asked for with questions in a bank.</summary>
    [Id(0)]
    public QuizDay? Day { get; set; }
}
