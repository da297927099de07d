using Engagement.V1;

namespace Engagement.EndToEnd;

/// <summary>A merchant of a <see cref="Seed"/>'s park, set up through the gateway: registered staff and one item.</summary>
public sealed class Counter
{
    private Counter(Seed seed, string merchantId)
    {
        Seed = seed;
        MerchantId = merchantId;
        Staff = seed.As($"clerk-{merchantId}", new RoleGrant(Role.MerchantStaff, merchantId));
    }

    public Seed Seed { get; }

    public string MerchantId { get; }

    public string ItemId { get; } = "latte";

    public Api Staff { get; }

    public static async Task<Counter> OpenAsync(Seed seed, long cost = 10, long stock = 100)
    {
        var counter = new Counter(seed, Seed.Next("mer"));
        await seed.Admin.Merchants.CreateMerchantAsync(new CreateMerchantRequest { ParkId = seed.Park, MerchantId = counter.MerchantId, Name = "园区便利店", IdempotencyKey = "m" });
        await seed.Admin.Merchants.AddMerchantStaffAsync(new AddMerchantStaffRequest { MerchantId = counter.MerchantId, Subject = $"clerk-{counter.MerchantId}", DisplayName = "店员", IdempotencyKey = "s" });
        await counter.Staff.Merchants.UpsertCatalogItemAsync(new UpsertCatalogItemRequest
        {
            MerchantId = counter.MerchantId,
            Item = new V1.CatalogItem { ItemId = counter.ItemId, Name = "拿铁", PointsCost = cost, ImageUrl = "https://img.example/latte.png" },
            InitialStock = stock,
            IdempotencyKey = "i",
        });
        return counter;
    }

    /// <summary>A verified member with <paramref name="points"/> to spend.</summary>
    public async Task<(string Id, Api Api)> CustomerAsync(long points = 100)
    {
        var member = await Seed.MemberAsync();
        await Seed.Secretary.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = member.Id, Amount = points, Reason = "充值", IdempotencyKey = Seed.Next("k") });
        return member;
    }

    public async Task<Redemption> StartAsync(Api customer, string? key = null) =>
        (await customer.Redemptions.StartRedemptionAsync(new StartRedemptionRequest { MerchantId = MerchantId, ItemId = ItemId, IdempotencyKey = key ?? Seed.Next("k") })).Redemption;

    public async Task<V1.CatalogItem> ItemAsync() =>
        (await Staff.Merchants.ListCatalogAsync(new ListCatalogRequest { MerchantId = MerchantId })).Items.Single(i => i.ItemId == ItemId);
}
