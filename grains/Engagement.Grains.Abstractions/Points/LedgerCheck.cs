namespace Engagement;

/// <summary>One member's ledger, re-added from its entries: the balance must equal the sum, sequences must not gap.</summary>
[GenerateSerializer, Immutable, Alias("engagement.LedgerCheck")]
public sealed record LedgerCheck(
    [property: Id(0)] string MemberId,
    [property: Id(1)] long Balance,
    [property: Id(2)] long LedgerSum,
    [property: Id(3)] long Entries,
    [property: Id(4)] string? Problem)
{
    public bool Consistent => Problem is null;
}
