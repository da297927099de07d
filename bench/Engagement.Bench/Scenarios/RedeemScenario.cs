using Engagement.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Engagement.Bench;

/// <summary>
/// Counters at many merchants: members start redemptions (closed loop), then staff validate and confirm them at a
/// fixed rate (open loop, default 500/s), each measured from its scheduled time.
/// </summary>
public static class RedeemScenario
{
    private const int Merchants = 20;

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(GrpcChannel channel, Tokens tokens, Park park, BenchOptions options)
    {
        var admin = Park.Bearer(park.AdminToken);
        var merchants = new MerchantService.MerchantServiceClient(channel);
        var redemptions = new RedemptionService.RedemptionServiceClient(channel);
        var points = new PointsService.PointsServiceClient(channel);
        var staff = new Metadata[Merchants];
        for (var m = 0; m < Merchants; m++)
        {
            var id = $"{park.Id}-shop{m}";
            await merchants.CreateMerchantAsync(new CreateMerchantRequest { ParkId = park.Id, MerchantId = id, Name = $"商户{m}", IdempotencyKey = id }, admin);
            await merchants.AddMerchantStaffAsync(new AddMerchantStaffRequest { MerchantId = id, Subject = $"clerk{m}", DisplayName = "店员", IdempotencyKey = id }, admin);
            staff[m] = Park.Bearer(tokens.Mint($"clerk{m}", $"merchant-staff:{id}"));
            await merchants.UpsertCatalogItemAsync(new UpsertCatalogItemRequest
            {
                MerchantId = id, Item = new CatalogItem { ItemId = "coffee", Name = "咖啡", PointsCost = 1 }, InitialStock = 1_000_000, IdempotencyKey = id,
            }, staff[m]);
        }

        var count = Math.Min(options.Members, options.Count);
        var members = park.Members.Take(count).Select(m => (Id: m, Headers: Park.Bearer(tokens.Mint(m, $"member:{m}")))).ToArray();
        await Load.RunAsync(options.Concurrency, TimeSpan.FromHours(1), members.Length, async n =>
            await points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = members[n].Id, Amount = 100, Reason = "bench", IdempotencyKey = $"bench-topup-{n}" }, admin));

        var payloads = new string[members.Length];
        var (startRecorder, startElapsed) = await Load.RunAsync(options.Concurrency, TimeSpan.FromHours(1), members.Length, async n =>
        {
            var started = await redemptions.StartRedemptionAsync(new StartRedemptionRequest
            {
                MerchantId = $"{park.Id}-shop{n % Merchants}", ItemId = "coffee", IdempotencyKey = $"bench-{n}",
            }, members[n].Headers);
            payloads[n] = started.Redemption.QrPayload;
        });

        var (counterRecorder, counterElapsed) = await Load.RunAtRateAsync(options.Rate, members.Length, async n =>
        {
            var merchant = $"{park.Id}-shop{n % Merchants}";
            await redemptions.ValidateRedemptionAsync(new ValidateRedemptionRequest { MerchantId = merchant, QrPayload = payloads[n] }, staff[n % Merchants]);
            await redemptions.ConfirmRedemptionAsync(new ConfirmRedemptionRequest { MerchantId = merchant, QrPayload = payloads[n], IdempotencyKey = $"c{n}" }, staff[n % Merchants]);
        });

        return
        [
            startRecorder.Result("redeem: start (member)", startElapsed, $"{members.Length} redemptions at {Merchants} merchants, closed loop"),
            counterRecorder.Result($"redeem: validate+confirm @{options.Rate:F0}/s", counterElapsed, "open loop, latency from the scheduled start"),
        ];
    }
}
