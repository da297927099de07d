namespace Engagement;

/// <summary>
/// Published on the park's <see cref="StreamNamespaces.PointsMoved"/> stream after a ledger entry is durable.
/// Consumers detect lost events by gaps in <see cref="LedgerEntry.Sequence"/> per member.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.PointsMoved")]
public sealed record PointsMoved(
    [property: Id(0)] string ParkId,
    [property: Id(1)] string CommitteeId,
    [property: Id(2)] string BranchId,
    [property: Id(3)] LedgerEntry Entry);
