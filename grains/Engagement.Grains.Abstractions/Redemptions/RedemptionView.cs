namespace Engagement;

/// <summary>
/// A redemption as one party sees it. <see cref="Code"/> and <see cref="QrPayload"/> are shown only to the member
/// who owns it; staff see the rest. <see cref="Version"/> grows with every change of state.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.RedemptionView")]
public sealed record RedemptionView(
    [property: Id(0)] string RedemptionId,
    [property: Id(1)] string MemberId,
    [property: Id(2)] string MemberDisplayName,
    [property: Id(3)] string MerchantId,
    [property: Id(4)] string ItemId,
    [property: Id(5)] string ItemName,
    [property: Id(6)] long Points,
    [property: Id(7)] RedemptionStatus Status,
    [property: Id(8)] string? Code,
    [property: Id(9)] string? QrPayload,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] DateTimeOffset ExpiresAt,
    [property: Id(12)] DateTimeOffset? CompletedAt,
    [property: Id(13)] string? ConfirmedBy,
    [property: Id(14)] DateTimeOffset? RefundedAt,
    [property: Id(15)] int Version);
