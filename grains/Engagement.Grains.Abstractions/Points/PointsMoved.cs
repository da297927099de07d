namespace Engagement;

/// <summary>
/// Published on the park's <see cref="StreamNamespaces.PointsMoved"/> stream after a ledger entry is durable.
/// Consumers detect lost events by gaps in <see cref="LedgerEntry.Sequence"/> per member. Leaderboards see only
/// ranked entries (<see cref="ActivityLedger.IsRanked"/>); for them <see cref="PreviousRanked"/> is the member's
/// previous ranked sequence (0: none), so a skipped redemption is not mistaken for a lost event. Null when the
/// publisher did not know it (the ledger tail no longer shows it, or an older publisher): then any gap is read back.
/// <see cref="Name"/> is the member's display name as of the entry (boards show it); null from an older publisher.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.PointsMoved")]
public sealed record PointsMoved(
    [property: Id(0)] string ParkId,
    [property: Id(1)] string CommitteeId,
    [property: Id(2)] string BranchId,
    [property: Id(3)] LedgerEntry Entry,
    [property: Id(4)] long? PreviousRanked = null,
    [property: Id(5)] MemberName? Name = null);
