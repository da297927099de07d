using System.Security.Cryptography;
using System.Text;

namespace Engagement;

/// <summary>
/// The day's deterministic choice from a bank: questions ordered by SHA-256 of <c>{scope}/{yyyy-MM-dd}/{questionId}</c>
/// (bytes compared in order, ties by id), the first <c>count</c> taken. The same bank, scope and day always give
/// the same set in the same order; another day or scope gives an unrelated one.
/// </summary>
internal static class QuizDraw
{
    private static readonly Comparer<byte[]> ByteOrder = Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b));

    public static IReadOnlyList<QuizQuestion> Choose(string scope, DateOnly day, IEnumerable<QuizQuestion> bank, int count)
    {
        var prefix = $"{scope}/{QuizKeys.Format(day)}/";
        return [.. bank
            .Select(q => (Question: q, Rank: SHA256.HashData(Encoding.UTF8.GetBytes(prefix + q.QuestionId))))
            .OrderBy(x => x.Rank, ByteOrder)
            .ThenBy(x => x.Question.QuestionId, StringComparer.Ordinal)
            .Take(count)
            .Select(x => x.Question)];
    }
}
