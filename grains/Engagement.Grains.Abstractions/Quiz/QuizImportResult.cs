namespace Engagement;

/// <summary>What an import did to a bank: new ids, changed ones, ids sent again unchanged, and the bank's size after.</summary>
[GenerateSerializer, Immutable, Alias("engagement.QuizImportResult")]
public sealed record QuizImportResult(
    [property: Id(0)] int Added,
    [property: Id(1)] int Updated,
    [property: Id(2)] int Unchanged,
    [property: Id(3)] int Total);
