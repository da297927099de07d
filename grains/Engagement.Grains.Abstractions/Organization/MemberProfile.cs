namespace Engagement;

/// <summary>Who a member is and where they belong. <see cref="TimeZone"/> is the park's, copied at registration.</summary>
[GenerateSerializer, Immutable, Alias("engagement.MemberProfile")]
public sealed record MemberProfile(
    [property: Id(0)] string MemberId,
    [property: Id(1)] string BranchId,
    [property: Id(2)] string CommitteeId,
    [property: Id(3)] string ParkId,
    [property: Id(4)] string DisplayName,
    [property: Id(5)] string Phone,
    [property: Id(6)] string TimeZone,
    [property: Id(7)] DateTimeOffset RegisteredAt,
    [property: Id(8)] DateTimeOffset? VerifiedAt,
    [property: Id(9)] string Company = "",
    [property: Id(10)] DateOnly? JoinDate = null,
    [property: Id(11)] DateTimeOffset? DeactivatedAt = null,
    [property: Id(12)] DateTimeOffset? TransferredAt = null,
    [property: Id(13)] long? TransferredAfterSequence = null,
    [property: Id(14)] string? CommitteeBeforeTransfer = null,
    [property: Id(15)] long NameVersion = 0)
{
    /// <summary>What boards show for the member: the display name only, never the phone or anything else private.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public MemberName BoardName => new(DisplayName, NameVersion);

    /// <summary>
    /// Whether the ledger entry <paramref name="entry"/> was made while the member belonged to the branch or committee
    /// they belong to now (<paramref name="inUnitNow"/> true) or, if not, to the one they belonged to before their last
    /// transfer. Decided by the ledger sequence at the move (exact), or its time for profiles moved before that was kept.
    /// </summary>
    public bool MadeWhileIn(LedgerEntry entry, bool inUnitNow)
    {
        var afterMove = TransferredAfterSequence is { } sequence ? entry.Sequence > sequence
            : TransferredAt is not { } moved || entry.CreatedAt >= moved;
        return inUnitNow ? afterMove : TransferredAt is not null && !afterMove;
    }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool Verified => VerifiedAt is not null;

    /// <summary>A deactivated member keeps their history but can neither earn nor redeem.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Active => DeactivatedAt is null;
}
