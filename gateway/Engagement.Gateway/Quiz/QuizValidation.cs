using System.Globalization;
using Google.Protobuf.Collections;

namespace Engagement.Gateway;

/// <summary>Quiz requests to the domain: every field checked, every bad one named (<c>questions[3].options</c>).</summary>
public static class QuizValidation
{
    /// <summary>The bank a request names: exactly one of park_id and committee_id.</summary>
    public static string Bank(RequestValidator validator, string parkId, string committeeId)
    {
        if ((parkId.Length > 0) == (committeeId.Length > 0))
        {
            validator.Add(parkId.Length > 0 ? "committee_id" : "park_id", "set exactly one of park_id and committee_id");
            return "";
        }

        return parkId.Length > 0
            ? QuizKeys.Park(Checked(validator, "park_id", parkId))
            : QuizKeys.Committee(Checked(validator, "committee_id", committeeId));
    }

    public static IReadOnlyList<QuizQuestion> ToDomain(this RepeatedField<V1.Question> questions, RequestValidator validator)
    {
        if (questions.Count is 0 or > QuizLimits.MaxBatch)
        {
            validator.Add("questions", $"must hold 1-{QuizLimits.MaxBatch} questions; split larger banks into several imports");
        }

        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<QuizQuestion>(questions.Count);
        for (var i = 0; i < questions.Count; i++)
        {
            var at = $"questions[{i}]";
            var q = questions[i];
            validator.Id($"{at}.question_id", q.QuestionId);
            if (q.QuestionId.Length > 0 && !first.TryAdd(q.QuestionId, i))
            {
                validator.Add($"{at}.question_id", $"repeats the id of questions[{first[q.QuestionId]}]");
            }

            validator.Text($"{at}.stem", q.Stem, QuizLimits.MaxStemLength);
            var options = Texts(validator, $"{at}.options", q.Options, QuizLimits.MaxOptionLength);
            if (options.Distinct(StringComparer.Ordinal).Count() != options.Count)
            {
                validator.Add($"{at}.options", "must not repeat an option");
            }

            if (q.Explanation.Length > 0)
            {
                validator.Text($"{at}.explanation", q.Explanation, QuizLimits.MaxExplanationLength);
            }

            if (q.Tags.Count > QuizLimits.MaxTags)
            {
                validator.Add($"{at}.tags", $"at most {QuizLimits.MaxTags} tags");
            }

            var tags = Texts(validator, $"{at}.tags", q.Tags, QuizLimits.MaxTagLength);
            var question = new QuizQuestion(q.QuestionId, (QuizQuestionKind)(int)q.Kind, q.Stem.Trim(), options,
                [.. q.CorrectOptions], q.Explanation.Trim(), [.. tags.Distinct(StringComparer.Ordinal)]);
            foreach (var problem in question.StructuralProblems())
            {
                validator.Add($"{at}.{problem.Field}", problem.Description);
            }

            result.Add(question);
        }

        return result;
    }

    public static IReadOnlyList<QuizAnswer> ToDomain(this RepeatedField<V1.QuizAnswer> answers, RequestValidator validator)
    {
        if (answers.Count is 0 or > QuizLimits.QuestionsPerDay)
        {
            validator.Add("answers", $"must hold one answer per question of the day (1-{QuizLimits.QuestionsPerDay})");
        }

        for (var i = 0; i < answers.Count; i++)
        {
            validator.Id($"answers[{i}].question_id", answers[i].QuestionId);
            if (answers[i].ChosenOptions.Count == 0)
            {
                validator.Add($"answers[{i}].chosen_options", "choose at least one option");
            }
        }

        return [.. answers.Select(a => new QuizAnswer(a.QuestionId, [.. a.ChosenOptions]))];
    }

    /// <summary>A park-local day "yyyy-MM-dd"; null when empty and not <paramref name="required"/>.</summary>
    public static DateOnly? Day(RequestValidator validator, string field, string value, bool required)
    {
        if (value.Length == 0 && !required)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        validator.Add(field, "must be a day, yyyy-MM-dd");
        return null;
    }

    private static string Checked(RequestValidator validator, string field, string id)
    {
        validator.Id(field, id);
        return id;
    }

    private static List<string> Texts(RequestValidator validator, string field, RepeatedField<string> values, int maxLength)
    {
        for (var j = 0; j < values.Count; j++)
        {
            validator.Text($"{field}[{j}]", values[j], maxLength);
        }

        return [.. values.Select(v => v.Trim())];
    }
}
