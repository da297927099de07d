namespace Engagement;

/// <summary>One graded question: what the member chose, what was right, and why.</summary>
[GenerateSerializer, Immutable, Alias("engagement.QuizReview")]
public sealed record QuizReview(
    [property: Id(0)] string QuestionId,
    [property: Id(1)] IReadOnlyList<int> ChosenOptions,
    [property: Id(2)] IReadOnlyList<int> CorrectOptions,
    [property: Id(3)] bool Correct,
    [property: Id(4)] string Explanation);
