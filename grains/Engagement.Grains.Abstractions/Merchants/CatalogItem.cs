namespace Engagement;

/// <summary>An item with its stock: <see cref="Available"/> can be redeemed; <see cref="Reserved"/> is held by pending codes.</summary>
[GenerateSerializer, Immutable, Alias("engagement.CatalogItem")]
public sealed record CatalogItem(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] ItemSpec Spec,
    [property: Id(2)] long Available,
    [property: Id(3)] long Reserved,
    [property: Id(4)] long Sold)
{
    public bool IsActiveAt(DateTimeOffset at) => (Spec.ActiveFrom is null || Spec.ActiveFrom <= at) && (Spec.ActiveUntil is null || at < Spec.ActiveUntil);
}
