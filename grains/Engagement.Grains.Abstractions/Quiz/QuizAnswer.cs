namespace Engagement;

/// <summary>A member's answer to one question: the 0-based indexes of the options they chose.</summary>
[GenerateSerializer, Immutable, Alias("engagement.QuizAnswer")]
public sealed record QuizAnswer(
    [property: Id(0)] string QuestionId,
    [property: Id(1)] IReadOnlyList<int> ChosenOptions);
