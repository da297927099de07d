namespace Engagement;

/// <summary>
/// A question of a bank, with its answer. <see cref="CorrectOptions"/> are 0-based indexes into
/// <see cref="Options"/>. Only banks, day sets and graded results hold this type; members see <see cref="QuizItem"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.QuizQuestion")]
public sealed record QuizQuestion(
    [property: Id(0)] string QuestionId,
    [property: Id(1)] QuizQuestionKind Kind,
    [property: Id(2)] string Stem,
    [property: Id(3)] IReadOnlyList<string> Options,
    [property: Id(4)] IReadOnlyList<int> CorrectOptions,
    [property: Id(5)] string Explanation,
    [property: Id(6)] IReadOnlyList<string> Tags)
{
    /// <summary>
    /// What makes the question unusable for grading, as (field, description) with proto field names; empty when
    /// it is sound. Text lengths and id formats are the gateway's to check; this is what grading relies on.
    /// </summary>
    public IEnumerable<FieldViolation> StructuralProblems()
    {
        if (Kind is not (QuizQuestionKind.SingleChoice or QuizQuestionKind.MultipleChoice))
        {
            yield return new FieldViolation("kind", "must be QUESTION_KIND_SINGLE or QUESTION_KIND_MULTIPLE");
        }

        if (Options.Count is < QuizLimits.MinOptions or > QuizLimits.MaxOptions)
        {
            yield return new FieldViolation("options", $"must hold {QuizLimits.MinOptions}-{QuizLimits.MaxOptions} options");
        }

        if (CorrectOptions.Any(i => i < 0 || i >= Options.Count))
        {
            yield return new FieldViolation("correct_options", $"must be indexes of options, 0-{Math.Max(Options.Count - 1, 0)}");
        }
        else if (CorrectOptions.Distinct().Count() != CorrectOptions.Count)
        {
            yield return new FieldViolation("correct_options", "must not repeat an index");
        }
        else if (Kind == QuizQuestionKind.SingleChoice && CorrectOptions.Count != 1)
        {
            yield return new FieldViolation("correct_options", "a single-choice question has exactly one correct option");
        }
        else if (Kind == QuizQuestionKind.MultipleChoice && CorrectOptions.Count == 0)
        {
            yield return new FieldViolation("correct_options", "a multiple-choice question has at least one correct option");
        }
    }

    /// <summary>True when both say the same (records compare lists by reference, so this compares their items).</summary>
    public bool SameContent(QuizQuestion other) =>
        QuestionId == other.QuestionId && Kind == other.Kind && Stem == other.Stem && Explanation == other.Explanation
        && Options.SequenceEqual(other.Options) && CorrectOptions.SequenceEqual(other.CorrectOptions) && Tags.SequenceEqual(other.Tags);
}
