namespace Engagement;

/// <summary>A merchant as a park's members browse it: its name and the catalogue the caller may see.</summary>
[GenerateSerializer, Immutable, Alias("engagement.BrowsedMerchant")]
public sealed record BrowsedMerchant(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<CatalogItem> Items);
