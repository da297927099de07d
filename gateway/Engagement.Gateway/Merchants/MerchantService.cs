using System.Globalization;
using Engagement.V1;
using Grpc.Core;

namespace Engagement.Gateway;

/// <summary>Merchants, staff, catalogue and settlement.</summary>
public sealed class MerchantService(IGrainFactory grains) : V1.MerchantService.MerchantServiceBase
{
    public override async Task<CreateMerchantResponse> CreateMerchant(CreateMerchantRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("park_id", request.ParkId).Id("merchant_id", request.MerchantId).Text("name", request.Name, 100)
            .IdempotencyKey(request.IdempotencyKey).ThrowIfInvalid();
        var merchant = await Merchant(request.MerchantId).CreateAsync(caller, request.ParkId, request.Name.Trim(), request.IdempotencyKey, context.CancellationToken);
        return new CreateMerchantResponse { Merchant = merchant.ToProto() };
    }

    public override async Task<AddMerchantStaffResponse> AddMerchantStaff(AddMerchantStaffRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("merchant_id", request.MerchantId).Text("subject", request.Subject, 128).Text("display_name", request.DisplayName, 64)
            .IdempotencyKey(request.IdempotencyKey).ThrowIfInvalid();
        var merchant = await Merchant(request.MerchantId).AddStaffAsync(caller, new StaffMember(request.Subject, request.DisplayName.Trim()), request.IdempotencyKey, context.CancellationToken);
        return new() { Merchant = merchant.ToProto() };
    }

    public override async Task<RemoveMerchantStaffResponse> RemoveMerchantStaff(RemoveMerchantStaffRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("merchant_id", request.MerchantId).Text("subject", request.Subject, 128)
            .IdempotencyKey(request.IdempotencyKey).ThrowIfInvalid();
        var merchant = await Merchant(request.MerchantId).RemoveStaffAsync(caller, request.Subject, request.IdempotencyKey, context.CancellationToken);
        return new() { Merchant = merchant.ToProto() };
    }

    public override async Task<UpsertCatalogItemResponse> UpsertCatalogItem(UpsertCatalogItemRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator().Id("merchant_id", request.MerchantId).IdempotencyKey(request.IdempotencyKey)
            .Range("initial_stock", request.InitialStock, 0, 10_000_000);
        if (request.Item is { MerchantId.Length: > 0 } given && given.MerchantId != request.MerchantId)
        {
            validator.Add("item.merchant_id", "is the merchant_id of the request: leave it empty");
        }

        var spec = request.Item.ToSpec(validator);
        validator.ThrowIfInvalid();
        var item = await Merchant(request.MerchantId).UpsertItemAsync(caller, spec, request.InitialStock, request.IdempotencyKey, context.CancellationToken);
        return new() { Item = item.ToProto() };
    }

    public override async Task<RestockItemResponse> RestockItem(RestockItemRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("merchant_id", request.MerchantId).Id("item_id", request.ItemId).Range("delta", request.Delta, -10_000_000, 10_000_000)
            .IdempotencyKey(request.IdempotencyKey).ThrowIfInvalid();
        var item = await Merchant(request.MerchantId).RestockAsync(caller, request.ItemId, request.Delta, request.IdempotencyKey, context.CancellationToken);
        return new() { Item = item.ToProto() };
    }

    public override async Task<ListCatalogResponse> ListCatalog(ListCatalogRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("merchant_id", request.MerchantId).ThrowIfInvalid();
        var items = await Merchant(request.MerchantId).ListCatalogAsync(caller, context.CancellationToken);
        var response = new ListCatalogResponse();
        response.Items.AddRange(items.Select(i => i.ToProto()));
        return response;
    }

    public override async Task<BrowseMerchantsResponse> BrowseMerchants(BrowseMerchantsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var parkId = request.ParkId;
        if (parkId.Length == 0 && caller.MemberId is { } memberId)
        {
            new RequestValidator().Id("member_id", memberId).ThrowIfInvalid();
            parkId = (await grains.GetGrain<IMemberGrain>(memberId).GetProfileAsync(caller, context.CancellationToken)).ParkId;
        }

        new RequestValidator().Id("park_id", parkId).ThrowIfInvalid();
        var response = new BrowseMerchantsResponse();
        foreach (var id in await grains.GetGrain<IParkGrain>(parkId).BrowseMerchantsAsync(caller, context.CancellationToken))
        {
            var browsed = await Merchant(id).BrowseAsync(caller, context.CancellationToken);
            var catalog = new MerchantCatalog { MerchantId = id, Name = browsed.Name };
            catalog.Items.AddRange(browsed.Items.Select(i => i.ToProto()));
            response.Merchants.Add(catalog);
        }

        return response;
    }

    public override async Task<ListMerchantsResponse> ListMerchants(ListMerchantsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator().Id("park_id", request.ParkId);
        var page = Paging.Read(validator, "merchants", request.PageSize, request.PageToken, request.ParkId);
        validator.ThrowIfInvalid();
        var merchants = await grains.GetGrain<IOrganizationReaderGrain>(0).ListMerchantsAsync(caller, request.ParkId, page.Size, page.Cursor, context.CancellationToken);
        var response = new ListMerchantsResponse { NextPageToken = Paging.Next("merchants", merchants.NextCursor, request.ParkId) };
        response.Merchants.AddRange(merchants.Items.Select(m => m.ToProto()));
        return response;
    }

    public override async Task<GetSettlementResponse> GetSettlement(GetSettlementRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator().Id("merchant_id", request.MerchantId);
        DateOnly? day = request.Day.Length == 0 ? null : ParseDay(request.Day, validator);
        validator.ThrowIfInvalid();
        var settlement = await Merchant(request.MerchantId).GetSettlementAsync(caller, day, context.CancellationToken);
        return new() { Settlement = settlement.ToProto() };
    }

    public static DateOnly ParseDay(string day, RequestValidator validator)
    {
        if (DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return parsed;
        }

        validator.Add("day", "must be yyyy-MM-dd");
        return default;
    }

    private IMerchantGrain Merchant(string id) => grains.GetGrain<IMerchantGrain>(id);
}
