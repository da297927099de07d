namespace Engagement;

[GenerateSerializer, Alias("engagement.QuizBankState")]
public sealed class QuizBankState
{
    /// <summary>The bank's questions by id.</summary>
    [Id(0)]
    public Dictionary<string, QuizQuestion> Questions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Before <see cref="Batches"/>: the last 50 imports by key. Moved into <see cref="Batches"/> on first use.</summary>
    [Id(1)]
    public List<QuizImportRecord> Imports { get; set; } = [];

    /// <summary>Imports by idempotency key (request hash: the batch's fingerprint), for the idempotency window.</summary>
    [Id(2)]
    public IdempotencyLog<QuizImportResult> Batches { get; set; } = new();
}

/// <summary>One import remembered for retries: its key, a fingerprint of its batch and what it did.</summary>
[GenerateSerializer, Immutable, Alias("engagement.QuizImportRecord")]
public sealed record QuizImportRecord(
    [property: Id(0)] string Key,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] QuizImportResult Result);
