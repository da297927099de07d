namespace Engagement;

/// <summary>Checks a member's answers against the day's set and grades them. Multiple choice is right only on an exact match.</summary>
internal static class QuizGrading
{
    /// <summary>One review per question of the day, in the day's order; InvalidArgument naming every bad answer.</summary>
    public static IReadOnlyList<QuizReview> Grade(QuizDay quiz, IReadOnlyList<QuizAnswer> answers)
    {
        var questions = quiz.Questions.ToDictionary(q => q.QuestionId, StringComparer.Ordinal);
        var given = new Dictionary<string, QuizAnswer>(StringComparer.Ordinal);
        var violations = new List<FieldViolation>();
        for (var i = 0; i < answers.Count; i++)
        {
            var answer = answers[i];
            if (!questions.TryGetValue(answer.QuestionId, out var question))
            {
                violations.Add(new FieldViolation($"answers[{i}].question_id", "is not a question of this day's quiz"));
            }
            else if (!given.TryAdd(answer.QuestionId, answer))
            {
                violations.Add(new FieldViolation($"answers[{i}].question_id", "answers a question already answered in this submission"));
            }
            else if (Problem(question, answer.ChosenOptions) is { } problem)
            {
                violations.Add(new FieldViolation($"answers[{i}].chosen_options", problem));
            }
        }

        violations.AddRange(quiz.Questions.Where(q => !given.ContainsKey(q.QuestionId))
            .Select(q => new FieldViolation("answers", $"question '{q.QuestionId}' is not answered; every question of the day must be")));
        if (violations.Count > 0)
        {
            throw EngagementException.InvalidArgument(violations);
        }

        return [.. quiz.Questions.Select(q =>
        {
            var chosen = given[q.QuestionId].ChosenOptions.Order().ToList();
            var correct = chosen.SequenceEqual(q.CorrectOptions.Order());
            return new QuizReview(q.QuestionId, chosen, q.CorrectOptions, correct, q.Explanation);
        })];
    }

    /// <summary>The distinct tags of the questions answered wrongly, in the day's order.</summary>
    public static IReadOnlyList<string> WrongAnswerTags(QuizDay quiz, IReadOnlyList<QuizReview> reviews) =>
        [.. quiz.Questions.Zip(reviews).Where(x => !x.Second.Correct).SelectMany(x => x.First.Tags).Distinct(StringComparer.Ordinal)];

    private static string? Problem(QuizQuestion question, IReadOnlyList<int> chosen)
    {
        if (chosen.Count == 0 || chosen.Any(o => o < 0 || o >= question.Options.Count) || chosen.Distinct().Count() != chosen.Count)
        {
            return $"must be distinct option indexes 0-{question.Options.Count - 1}, at least one";
        }

        return question.Kind == QuizQuestionKind.SingleChoice && chosen.Count != 1 ? "a single-choice question takes exactly one option" : null;
    }
}
