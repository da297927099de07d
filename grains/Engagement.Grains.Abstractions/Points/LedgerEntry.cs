namespace Engagement;

/// <summary>One immutable movement of a member's points. <see cref="Sequence"/> counts from 1 without gaps.</summary>
[GenerateSerializer, Immutable, Alias("engagement.LedgerEntry")]
public sealed record LedgerEntry(
    [property: Id(0)] string MemberId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] long Amount,
    [property: Id(3)] LedgerEntryKind Kind,
    [property: Id(4)] string Reference,
    [property: Id(5)] string IdempotencyKey,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] long BalanceAfter)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string EntryId => $"{MemberId}:{Sequence}";
}
