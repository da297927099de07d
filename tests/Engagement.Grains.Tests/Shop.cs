namespace Engagement.Tests;

/// <summary>A merchant of an <see cref="Org"/>'s park with registered staff and one item, for redemption tests.</summary>
public sealed class Shop(IGrainFactory grains, Org org)
{
    public string MerchantId { get; } = Org.Next("shop");

    public string ItemId { get; } = "coffee";

    public Caller Staff => Org.As("staff-" + MerchantId, new RoleGrant(Role.MerchantStaff, MerchantId));

    public IMerchantGrain Merchant => grains.GetGrain<IMerchantGrain>(MerchantId);

    public async Task<Shop> OpenAsync(long cost = 10, long stock = 100, int? perDay = null)
    {
        await Merchant.CreateAsync(org.Admin, org.Park, "园区咖啡", Org.Next("k"));
        await Merchant.AddStaffAsync(org.Admin, new StaffMember(Staff.Subject, "店员小李"), Org.Next("k"));
        await Merchant.UpsertItemAsync(Staff, new ItemSpec(ItemId, "美式咖啡", cost, perDay, null, null, null, ""), stock, Org.Next("k"));
        return this;
    }

    /// <summary>A verified member of the org with <paramref name="points"/> to spend.</summary>
    public async Task<(IMemberGrain Member, Caller Caller)> CustomerAsync(long points = 100)
    {
        var member = await org.MemberAsync();
        if (points > 0)
        {
            await member.AdjustAsync(org.Admin, points, "top-up", Org.Next("k"));
        }

        return (member, Org.MemberCaller(member.GetPrimaryKeyString()));
    }

    public Task<RedemptionView> StartAsync(Caller customer, string? redemptionId = null) =>
        grains.GetGrain<IRedemptionGrain>(redemptionId ?? Org.Next("r")).StartAsync(customer, MerchantId, ItemId);

    public async Task<CatalogItem> ItemAsync() => (await Merchant.ListCatalogAsync(Staff)).Single(i => i.Spec.ItemId == ItemId);

    public IRedemptionGrain Redemption(RedemptionView view) => grains.GetGrain<IRedemptionGrain>(view.RedemptionId);

    public static string Secret(RedemptionView view) => view.QrPayload![(view.QrPayload!.IndexOf('.', StringComparison.Ordinal) + 1)..];
}
