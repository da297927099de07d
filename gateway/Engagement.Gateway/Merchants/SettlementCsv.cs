namespace Engagement.Gateway;

/// <summary>A merchant's day as CSV for spreadsheets: GET /v1/merchants/{merchantId}/settlements/{day}.csv (HTTP port), written by <see cref="CsvExport"/>.</summary>
public static class SettlementCsv
{
    public static void MapSettlementCsv(this WebApplication app) =>
        app.MapGet("/v1/merchants/{merchantId}/settlements/{day}.csv", (string merchantId, string day, HttpContext http, IGrainFactory grains) =>
            CsvResults.RunAsync(http, async caller =>
            {
                var validator = new RequestValidator().Id("merchant_id", merchantId);
                var date = MerchantService.ParseDay(day, validator);
                validator.ThrowIfInvalid();
                return ToCsv(await grains.GetGrain<IMerchantGrain>(merchantId).GetSettlementAsync(caller, date, http.RequestAborted));
            }));

    public static byte[] ToCsv(Settlement settlement) =>
        CsvExport.Write(["merchant_id", "day", "item_id", "item_name", "redemptions", "points", "refunds", "refunded_points"], csv =>
        {
            var day = ProtoMapping.Day(settlement.Day);
            foreach (var item in settlement.Items.OrderBy(i => i.ItemId, StringComparer.Ordinal))
            {
                csv.Text(settlement.MerchantId).Text(day).Text(item.ItemId).Text(item.Name)
                    .Number(item.Redemptions).Number(item.Points).Number(item.Refunds).Number(item.RefundedPoints).EndRecord();
            }

            csv.Text(settlement.MerchantId).Text(day).Text("TOTAL").Text("")
                .Number(settlement.Redemptions).Number(settlement.Points).Number(settlement.Refunds).Number(settlement.RefundedPoints).EndRecord();
        });
}
