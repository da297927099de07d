using Google.Protobuf.WellKnownTypes;

namespace Engagement.Gateway;

/// <summary>Redemptions on the wire.</summary>
public static class RedemptionMapping
{
    public static V1.Redemption ToProto(this RedemptionView view) => new()
    {
        RedemptionId = view.RedemptionId,
        MemberId = view.MemberId,
        MemberDisplayName = view.MemberDisplayName,
        MerchantId = view.MerchantId,
        ItemId = view.ItemId,
        ItemName = view.ItemName,
        Points = view.Points,
        Status = (V1.RedemptionStatus)(int)view.Status,
        Code = view.Code ?? "",
        QrPayload = view.QrPayload ?? "",
        CreateTime = Timestamp.FromDateTimeOffset(view.CreatedAt),
        ExpireTime = Timestamp.FromDateTimeOffset(view.ExpiresAt),
        CompleteTime = view.CompletedAt is { } done ? Timestamp.FromDateTimeOffset(done) : null,
        RefundTime = view.RefundedAt is { } refunded ? Timestamp.FromDateTimeOffset(refunded) : null,
        Version = view.Version,
    };
}
