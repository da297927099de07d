namespace Engagement;

/// <summary>The points of one ledger kind (signed: adjustments may be negative) and how many entries gave them.</summary>
[GenerateSerializer, Immutable, Alias("engagement.KindPoints")]
public sealed record KindPoints(
    [property: Id(0)] LedgerEntryKind Kind,
    [property: Id(1)] long Points,
    [property: Id(2)] int Entries);
