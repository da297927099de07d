namespace Engagement;

/// <summary>A member's transfer from one branch to another of the same park, as requested and (later) decided.</summary>
[GenerateSerializer, Immutable, Alias("engagement.TransferInfo")]
public sealed record TransferInfo(
    [property: Id(0)] string MemberId,
    [property: Id(1)] string FromBranchId,
    [property: Id(2)] string ToBranchId,
    [property: Id(3)] string RequestedBy,
    [property: Id(4)] DateTimeOffset RequestedAt,
    [property: Id(5)] TransferStatus Status,
    [property: Id(6)] string? DecidedBy = null,
    [property: Id(7)] DateTimeOffset? DecidedAt = null);
