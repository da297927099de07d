namespace Engagement;

[GenerateSerializer, Alias("engagement.QuizBankState")]
public sealed class QuizBankState
{
    /// <summary>The bank's questions by id.</summary>
    [Id(0)]
    public Dictionary<string, QuizQuestion> Questions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Recent imports by idempotency key, oldest first (bounded).</summary>
    [Id(1)]
    public List<QuizImportRecord> Imports { get; set; } = [];
}

/// <summary>One import remembered for retries: its key, a fingerprint of its batch and what it did.</summary>
[GenerateSerializer, Immutable, Alias("engagement.QuizImportRecord")]
public sealed record QuizImportRecord(
    [property: Id(0)] string Key,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] QuizImportResult Result);
