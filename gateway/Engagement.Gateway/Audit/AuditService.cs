using System.Globalization;
using Engagement.V1;
using Grpc.Core;

namespace Engagement.Gateway;

/// <summary>The audit trail of administrative actions.</summary>
public sealed class AuditService(IGrainFactory grains) : V1.AuditService.AuditServiceBase
{
    public override async Task<ListAuditRecordsResponse> ListAuditRecords(ListAuditRecordsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator().Id("park_id", request.ParkId);
        DateOnly? month = null;
        if (request.Month.Length > 0)
        {
            if (DateOnly.TryParseExact(request.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                month = parsed;
            }
            else
            {
                validator.Add("month", "must be yyyy-MM");
            }
        }

        if (request.BranchId.Length > 0)
        {
            validator.Id("branch_id", request.BranchId);
        }

        validator.ThrowIfInvalid();
        var records = await grains.GetGrain<IParkGrain>(request.ParkId)
            .ListAuditAsync(caller, month, request.BranchId.Length > 0 ? request.BranchId : null, context.CancellationToken);
        var response = new ListAuditRecordsResponse();
        response.Records.AddRange(records.Select(r => r.ToProto()));
        return response;
    }
}
