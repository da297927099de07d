namespace Engagement;

/// <summary>What staff set on a catalogue item. Stock is changed only by <see cref="IMerchantGrain.RestockAsync"/>.</summary>
[GenerateSerializer, Immutable, Alias("engagement.ItemSpec")]
public sealed record ItemSpec(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string Name,
    [property: Id(2)] long PointsCost,
    [property: Id(3)] int? PerMemberDailyLimit,
    [property: Id(4)] int? PerMemberTotalLimit,
    [property: Id(5)] DateTimeOffset? ActiveFrom,
    [property: Id(6)] DateTimeOffset? ActiveUntil,
    [property: Id(7)] string ImageUrl);
