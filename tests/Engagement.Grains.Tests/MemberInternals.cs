namespace Engagement.Tests;

/// <summary>
/// The grain-to-grain side of a member (<see cref="IMemberGrainInternal"/>) called on an <see cref="IMemberGrain"/>
/// reference, as the tests drive members directly: the same grain, its other interface.
/// </summary>
public static class MemberInternals
{
    public static Task<MemberProfile> MoveToBranchAsync(this IMemberGrain member, BranchInfo branch, CancellationToken cancellationToken = default) =>
        member.AsReference<IMemberGrainInternal>().MoveToBranchAsync(branch, cancellationToken);

    public static Task<AwardResult> AwardAsync(this IMemberGrain member, Award award, CancellationToken cancellationToken = default) =>
        member.AsReference<IMemberGrainInternal>().AwardAsync(award, cancellationToken);

    public static Task<MemberProfile> GetMembershipAsync(this IMemberGrain member, CancellationToken cancellationToken = default) =>
        member.AsReference<IMemberGrainInternal>().GetMembershipAsync(cancellationToken);

    public static Task<RosterEntry> GetRosterEntryAsync(this IMemberGrain member, CancellationToken cancellationToken = default) =>
        member.AsReference<IMemberGrainInternal>().GetRosterEntryAsync(cancellationToken);

    public static Task<BalanceInfo> HoldAsync(this IMemberGrain member, string redemptionId, long points, PurchaseLimit limit, CancellationToken cancellationToken = default) =>
        member.AsReference<IMemberGrainInternal>().HoldAsync(redemptionId, points, limit, cancellationToken);

    public static Task<BalanceInfo> ReleaseHoldAsync(this IMemberGrain member, string redemptionId, CancellationToken cancellationToken = default) =>
        member.AsReference<IMemberGrainInternal>().ReleaseHoldAsync(redemptionId, cancellationToken);

    public static Task<LedgerEntry> SpendHoldAsync(this IMemberGrain member, string redemptionId, string reference, CancellationToken cancellationToken = default) =>
        member.AsReference<IMemberGrainInternal>().SpendHoldAsync(redemptionId, reference, cancellationToken);

    public static Task<LedgerEntry> RefundAsync(this IMemberGrain member, string redemptionId, long points, string itemKey, string reference, CancellationToken cancellationToken = default) =>
        member.AsReference<IMemberGrainInternal>().RefundAsync(redemptionId, points, itemKey, reference, cancellationToken);

    public static Task<long> GetLastSequenceAsync(this IMemberGrain member, CancellationToken cancellationToken = default) =>
        member.AsReference<IMemberGrainInternal>().GetLastSequenceAsync(cancellationToken);

    public static Task<long> GetLastRankedSequenceAsync(this IMemberGrain member, CancellationToken cancellationToken = default) =>
        member.AsReference<IMemberGrainInternal>().GetLastRankedSequenceAsync(cancellationToken);

    public static Task<RankedTail> GetRankedTailAsync(this IMemberGrain member, CancellationToken cancellationToken = default) =>
        member.AsReference<IMemberGrainInternal>().GetRankedTailAsync(cancellationToken);

    public static Task<LedgerSlice> ReadLedgerAsync(this IMemberGrain member, int count, long beforeSequence, CancellationToken cancellationToken = default) =>
        member.AsReference<IMemberGrainInternal>().ReadLedgerAsync(count, beforeSequence, cancellationToken);

    public static Task<LedgerCheck> CheckLedgerAsync(this IMemberGrain member, CancellationToken cancellationToken = default) =>
        member.AsReference<IMemberGrainInternal>().CheckLedgerAsync(cancellationToken);
}
