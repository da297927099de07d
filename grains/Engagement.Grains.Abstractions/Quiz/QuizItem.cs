namespace Engagement;

/// <summary>A question as a member sees it before answering: no correct options, no explanation.</summary>
[GenerateSerializer, Immutable, Alias("engagement.QuizItem")]
public sealed record QuizItem(
    [property: Id(0)] string QuestionId,
    [property: Id(1)] QuizQuestionKind Kind,
    [property: Id(2)] string Stem,
    [property: Id(3)] IReadOnlyList<string> Options,
    [property: Id(4)] IReadOnlyList<string> Tags)
{
    public static QuizItem Of(QuizQuestion question) =>
        new(question.QuestionId, question.Kind, question.Stem, question.Options, question.Tags);
}
