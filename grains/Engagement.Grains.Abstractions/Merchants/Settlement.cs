namespace Engagement;

/// <summary>A merchant's park-local day: what was redeemed and refunded, in total and per item.</summary>
[GenerateSerializer, Immutable, Alias("engagement.Settlement")]
public sealed record Settlement(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] DateOnly Day,
    [property: Id(2)] int Redemptions,
    [property: Id(3)] long Points,
    [property: Id(4)] int Refunds,
    [property: Id(5)] long RefundedPoints,
    [property: Id(6)] IReadOnlyList<ItemSettlement> Items);

[GenerateSerializer, Immutable, Alias("engagement.ItemSettlement")]
public sealed record ItemSettlement(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string Name,
    [property: Id(2)] int Redemptions,
    [property: Id(3)] long Points,
    [property: Id(4)] int Refunds,
    [property: Id(5)] long RefundedPoints);
