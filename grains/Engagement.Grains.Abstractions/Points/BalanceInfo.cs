namespace Engagement;

[GenerateSerializer, Immutable, Alias("engagement.BalanceInfo")]
public sealed record BalanceInfo(
    [property: Id(0)] string MemberId,
    [property: Id(1)] long Balance,
    [property: Id(2)] long Held,
    [property: Id(3)] long LedgerEntries)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public long Available => Balance - Held;
}
