using System.Security.Cryptography;
using System.Text;

namespace Engagement.Tests;

/// <summary>Question banks for the quiz tests, and answers built from what the test imported.</summary>
internal static class QuizBank
{
    public static QuizQuestion Single(string id, int correct, params string[] tags) =>
        new(id, QuizQuestionKind.SingleChoice, $"单选题 {id}", ["甲", "乙", "丙", "丁"], [correct], $"解析 {id}", tags);

    public static QuizQuestion Multiple(string id, int[] correct, params string[] tags) =>
        new(id, QuizQuestionKind.MultipleChoice, $"多选题 {id}", ["甲", "乙", "丙", "丁"], correct, $"解析 {id}", tags);

    /// <summary><paramref name="count"/> single-choice questions with ids <c>{prefix}-1</c>… and one tag each.</summary>
    public static List<QuizQuestion> Singles(string prefix, int count) =>
        [.. Enumerable.Range(1, count).Select(i => Single($"{prefix}-{i}", i % 4, $"tag-{i}"))];

    /// <summary>Answers to every question of the quiz: right ones unless <paramref name="wrong"/> says otherwise.</summary>
    public static IReadOnlyList<QuizAnswer> Answers(DailyQuiz quiz, IEnumerable<QuizQuestion> bank, Func<QuizQuestion, bool>? wrong = null)
    {
        var byId = bank.ToDictionary(q => q.QuestionId);
        return [.. quiz.Questions.Select(item => byId[item.QuestionId]).Select(q =>
            new QuizAnswer(q.QuestionId, wrong?.Invoke(q) == true ? [(q.CorrectOptions[0] + 1) % q.Options.Count] : q.CorrectOptions))];
    }

    /// <summary>The documented draw, computed independently: ids ordered by SHA-256 of "{scope}/{day}/{id}", first five.</summary>
    public static IReadOnlyList<string> ExpectedDraw(string scope, DateOnly day, IEnumerable<QuizQuestion> bank) =>
        [.. bank.Select(q => q.QuestionId)
            .OrderBy(id => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{scope}/{day:yyyy-MM-dd}/{id}"))), StringComparer.Ordinal)
            .Take(QuizLimits.QuestionsPerDay)];
}
