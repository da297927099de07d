using Google.Protobuf.WellKnownTypes;

namespace Engagement.Gateway;

/// <summary>Merchants, catalogue items, settlements and redemptions on the wire.</summary>
public static class MerchantMapping
{
    public static V1.Merchant ToProto(this MerchantInfo merchant)
    {
        var proto = new V1.Merchant { MerchantId = merchant.MerchantId, ParkId = merchant.ParkId, Name = merchant.Name };
        proto.Staff.AddRange(merchant.Staff.Select(s => new V1.StaffMember { Subject = s.Subject, DisplayName = s.DisplayName }));
        return proto;
    }

    public static V1.CatalogItem ToProto(this CatalogItem item) => new()
    {
        MerchantId = item.MerchantId,
        ItemId = item.Spec.ItemId,
        Name = item.Spec.Name,
        PointsCost = item.Spec.PointsCost,
        PerMemberDailyLimit = item.Spec.PerMemberDailyLimit ?? 0,
        PerMemberTotalLimit = item.Spec.PerMemberTotalLimit ?? 0,
        ActiveFrom = item.Spec.ActiveFrom is { } from ? Timestamp.FromDateTimeOffset(from) : null,
        ActiveUntil = item.Spec.ActiveUntil is { } until ? Timestamp.FromDateTimeOffset(until) : null,
        ImageUrl = item.Spec.ImageUrl,
        Available = item.Available,
        Reserved = item.Reserved,
        Sold = item.Sold,
    };

    /// <summary>Validates an item as staff send it (every bad field reported) and maps it to the domain.</summary>
    public static ItemSpec ToSpec(this V1.CatalogItem? item, RequestValidator validator)
    {
        validator.Required("item", item);
        item ??= new V1.CatalogItem();
        validator.Id("item.item_id", item.ItemId).Text("item.name", item.Name, 100).Range("item.points_cost", item.PointsCost, 1, 1_000_000)
            .Range("item.per_member_daily_limit", item.PerMemberDailyLimit, 0, 1000).Range("item.per_member_total_limit", item.PerMemberTotalLimit, 0, 100_000);
        if (item.ImageUrl.Length > 0 && !(Uri.TryCreate(item.ImageUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"))
        {
            validator.Add("item.image_url", "must be an http(s) URL");
        }

        var from = validator.Time("item.active_from", item.ActiveFrom, required: false);
        var until = validator.Time("item.active_until", item.ActiveUntil, required: false);
        if (from is not null && until is not null && from >= until)
        {
            validator.Add("item.active_until", "must be after active_from");
        }

        return new ItemSpec(item.ItemId, item.Name.Trim(), item.PointsCost, item.PerMemberDailyLimit > 0 ? item.PerMemberDailyLimit : null,
            item.PerMemberTotalLimit > 0 ? item.PerMemberTotalLimit : null, from, until, item.ImageUrl);
    }

    public static V1.Settlement ToProto(this Settlement settlement)
    {
        var proto = new V1.Settlement
        {
            MerchantId = settlement.MerchantId,
            Day = ProtoMapping.Day(settlement.Day),
            Redemptions = settlement.Redemptions,
            Points = settlement.Points,
            Refunds = settlement.Refunds,
            RefundedPoints = settlement.RefundedPoints,
        };
        proto.Items.AddRange(settlement.Items.OrderBy(i => i.ItemId, StringComparer.Ordinal).Select(i => new V1.ItemSettlement
        {
            ItemId = i.ItemId, Name = i.Name, Redemptions = i.Redemptions, Points = i.Points, Refunds = i.Refunds, RefundedPoints = i.RefundedPoints,
        }));
        return proto;
    }

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
