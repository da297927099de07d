using System.Globalization;
using Engagement.V1;
using Grpc.Core;

namespace Engagement.Gateway;

/// <summary>The audit trail of administrative actions, paged oldest first.</summary>
public sealed class AuditService(IGrainFactory grains) : V1.AuditService.AuditServiceBase
{
    private const string List = "audit";
    private const string MonthFormat = "yyyy-MM";

    public override async Task<ListAuditRecordsResponse> ListAuditRecords(ListAuditRecordsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator().Id("park_id", request.ParkId);
        DateOnly? month = null;
        if (request.Month.Length > 0)
        {
            month = ParseMonth(request.Month);
            if (month is null)
            {
                validator.Add("month", "must be yyyy-MM");
            }
        }

        if (request.BranchId.Length > 0)
        {
            validator.Id("branch_id", request.BranchId);
        }

        // The filter is what the caller sent; the cursor carries the month the first page listed, so an empty month
        // keeps listing that month even when a page is asked for after the park's month turned.
        var filter = $"{request.ParkId}|{request.Month}|{request.BranchId}";
        var page = Paging.Read(validator, List, request.PageSize, request.PageToken, filter);
        AuditCursor? from = null;
        if (page.Cursor is { } cursor)
        {
            if (ReadCursor(cursor) is { } read)
            {
                (month, from) = read;
            }
            else
            {
                validator.Add("page_token", "is not a token this list issued for these filters");
            }
        }

        validator.ThrowIfInvalid();
        var slice = await grains.GetGrain<IParkGrain>(request.ParkId)
            .ListAuditAsync(caller, month, request.BranchId.Length > 0 ? request.BranchId : null, from, page.Size, context.CancellationToken);
        var response = new ListAuditRecordsResponse
        {
            Month = FormatMonth(slice.Month),
            NextPageToken = slice.Next is { } next ? Paging.Next(List, $"{FormatMonth(slice.Month)}/{Number(next.Page)}/{Number(next.Position)}", filter) : "",
        };
        response.Records.AddRange(slice.Records.Select(r => r.ToProto()));
        return response;
    }

    /// <summary>A cursor is <c>{yyyy-MM}/{audit page}/{position}</c>: the month listed and where its next record is.</summary>
    private static (DateOnly Month, AuditCursor From)? ReadCursor(string cursor) =>
        cursor.Split('/') is [var month, var page, var position]
        && ParseMonth(month) is { } parsed
        && long.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var pageNumber)
        && int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var positionNumber)
            ? (parsed, new AuditCursor(pageNumber, positionNumber))
            : null;

    private static DateOnly? ParseMonth(string text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;

    private static string FormatMonth(DateOnly month) => month.ToString(MonthFormat, CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
