namespace Engagement;

/// <summary>Per-member limits of one item, checked and counted by the member grain together with the hold.</summary>
[GenerateSerializer, Immutable, Alias("engagement.PurchaseLimit")]
public sealed record PurchaseLimit(
    [property: Id(0)] string ItemKey,
    [property: Id(1)] int? PerDay,
    [property: Id(2)] int? Total);
