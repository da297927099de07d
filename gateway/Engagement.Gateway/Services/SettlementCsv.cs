using System.Globalization;
using System.Text;

namespace Engagement.Gateway;

/// <summary>A merchant's day as CSV for spreadsheets: GET /v1/merchants/{merchantId}/settlements/{day}.csv (HTTP port).</summary>
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

    public static string ToCsv(Settlement settlement)
    {
        var csv = new StringBuilder();
        csv.AppendLine("merchant_id,day,item_id,item_name,redemptions,points,refunds,refunded_points");
        foreach (var item in settlement.Items.OrderBy(i => i.ItemId, StringComparer.Ordinal))
        {
            csv.AppendLine(string.Join(',', settlement.MerchantId, ProtoMapping.Day(settlement.Day), item.ItemId, CsvResults.Quote(item.Name),
                item.Redemptions.ToString(CultureInfo.InvariantCulture), item.Points.ToString(CultureInfo.InvariantCulture),
                item.Refunds.ToString(CultureInfo.InvariantCulture), item.RefundedPoints.ToString(CultureInfo.InvariantCulture)));
        }

        csv.AppendLine(string.Join(',', settlement.MerchantId, ProtoMapping.Day(settlement.Day), "TOTAL", "",
            settlement.Redemptions.ToString(CultureInfo.InvariantCulture), settlement.Points.ToString(CultureInfo.InvariantCulture),
            settlement.Refunds.ToString(CultureInfo.InvariantCulture), settlement.RefundedPoints.ToString(CultureInfo.InvariantCulture)));
        return csv.ToString();
    }
}
