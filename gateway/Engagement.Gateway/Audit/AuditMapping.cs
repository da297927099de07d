using Google.Protobuf.WellKnownTypes;

namespace Engagement.Gateway;

/// <summary>Audit records on the wire.</summary>
public static class AuditMapping
{
    public static V1.AuditRecord ToProto(this AuditRecord record) => new()
    {
        Time = Timestamp.FromDateTimeOffset(record.At),
        Actor = record.Actor,
        Action = record.Action,
        Target = record.Target,
        Details = record.Details,
        BranchId = record.BranchId ?? "",
    };
}
