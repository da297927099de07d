using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace Engagement.Gateway;

/// <summary>Proto mapping of the back office: transfers, import results and the roster fields of a member.</summary>
public static class BackOfficeMapping
{
    /// <summary>A member with company, join date, activity and transfer time (the fields the back office added).</summary>
    public static V1.Transfer ToProto(this TransferInfo transfer) => new()
    {
        MemberId = transfer.MemberId,
        FromBranchId = transfer.FromBranchId,
        ToBranchId = transfer.ToBranchId,
        RequestedBy = transfer.RequestedBy,
        RequestTime = Timestamp.FromDateTimeOffset(transfer.RequestedAt),
        Status = transfer.Status switch
        {
            TransferStatus.Pending => V1.TransferStatus.Pending,
            TransferStatus.Accepted => V1.TransferStatus.Accepted,
            TransferStatus.Declined => V1.TransferStatus.Declined,
            _ => V1.TransferStatus.Unspecified,
        },
        DecidedBy = transfer.DecidedBy ?? "",
        DecideTime = transfer.DecidedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
    };

    public static V1.ImportRosterResponse ToProto(this RosterImportResult result)
    {
        var response = new V1.ImportRosterResponse();
        response.ImportedMemberIds.AddRange(result.ImportedMemberIds);
        response.RowErrors.AddRange(result.RowErrors.Select(e => new V1.RowError { Line = e.Line, Field = e.Field, Reason = e.Reason }));
        return response;
    }

    /// <summary>An optional yyyy-MM-dd date: null when empty; a violation on <paramref name="field"/> when malformed.</summary>
    public static DateOnly? OptionalDate(this RequestValidator validator, string field, string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        validator.Add(field, "must be a date yyyy-MM-dd");
        return null;
    }
}
