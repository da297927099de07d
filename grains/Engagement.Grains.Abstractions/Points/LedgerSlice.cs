namespace Engagement;

/// <summary>A page of ledger entries, newest first. <see cref="NextBefore"/> is null on the oldest page.</summary>
[GenerateSerializer, Immutable, Alias("engagement.LedgerSlice")]
public sealed record LedgerSlice(
    [property: Id(0)] IReadOnlyList<LedgerEntry> Entries,
    [property: Id(1)] long? NextBefore);
