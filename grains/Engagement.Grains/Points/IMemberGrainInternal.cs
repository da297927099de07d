namespace Engagement;

/// <summary>
/// What other grains ask of a member without a caller (the caller was checked where the request came in): awards,
/// redemption holds, ledger read-back for derived state, the profile for routing. It lives in the grains assembly, so
/// the gateway — which references only the abstractions — cannot call any of it; the compiler keeps the boundary.
/// Implemented by the same grain as <see cref="IMemberGrain"/>.
/// </summary>
[Alias("engagement.IMemberGrainInternal")]
public interface IMemberGrainInternal : IGrainWithStringKey
{
    /// <summary>
    /// Moves the member to <paramref name="branch"/> (an accepted transfer, called by the transfer grain, which checked
    /// the callers): branch and committee change, points and ledger stay. Moving to the branch they are in changes nothing.
    /// </summary>
    Task<MemberProfile> MoveToBranchAsync(BranchInfo branch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Awards points from another grain (quiz, course, event): verified members only, cut to what is left under the
    /// activity's daily cap, once per idempotency key.
    /// </summary>
    Task<AwardResult> AwardAsync(Award award, CancellationToken cancellationToken = default);

    /// <summary>The profile, for other grains (no caller check); NotFound if not registered.</summary>
    [AlwaysInterleave]
    Task<MemberProfile> GetMembershipAsync(CancellationToken cancellationToken = default);

    /// <summary>The profile and the balance, for roster lists (no caller check: the list checked it); NotFound if not registered.</summary>
    [AlwaysInterleave]
    Task<RosterEntry> GetRosterEntryAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Holds <paramref name="points"/> for a redemption: no longer spendable, not yet spent, and counted against the
    /// item's per-member limits (PURCHASE_LIMIT_REACHED). Verified members only; INSUFFICIENT_POINTS when the available
    /// balance is smaller. Holding the same redemption again changes nothing.
    /// </summary>
    Task<BalanceInfo> HoldAsync(string redemptionId, long points, PurchaseLimit limit, CancellationToken cancellationToken = default);

    /// <summary>Releases a redemption's hold and its limit count (cancelled or expired); nothing when there is none.</summary>
    Task<BalanceInfo> ReleaseHoldAsync(string redemptionId, CancellationToken cancellationToken = default);

    /// <summary>Spends a held redemption: one REDEMPTION ledger entry, exactly once per redemption.</summary>
    Task<LedgerEntry> SpendHoldAsync(string redemptionId, string reference, CancellationToken cancellationToken = default);

    /// <summary>Gives a refunded redemption's points back (one REFUND entry, exactly once) and uncounts the purchase.</summary>
    Task<LedgerEntry> RefundAsync(string redemptionId, long points, string itemKey, string reference, CancellationToken cancellationToken = default);

    /// <summary>For derived state: the sequence of the member's newest ledger entry (0: none).</summary>
    [AlwaysInterleave]
    Task<long> GetLastSequenceAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// For leaderboards: the sequence of the member's newest ranked entry (not spending; 0: none). When the recent
    /// ledger does not show it, the newest sequence of any kind (a board then reads back and finds nothing to rank).
    /// </summary>
    [AlwaysInterleave]
    Task<long> GetLastRankedSequenceAsync(CancellationToken cancellationToken = default);

    /// <summary>For leaderboards reconciling: <see cref="GetLastRankedSequenceAsync"/> and the name boards show for the member.</summary>
    [AlwaysInterleave]
    Task<RankedTail> GetRankedTailAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// For derived state (leaderboards): up to <paramref name="count"/> entries with a sequence below
    /// <paramref name="beforeSequence"/>, newest first, without a caller check.
    /// </summary>
    Task<LedgerSlice> ReadLedgerAsync(int count, long beforeSequence, CancellationToken cancellationToken = default);

    /// <summary>Re-adds the whole ledger and compares it with the balance (for the consistency check).</summary>
    Task<LedgerCheck> CheckLedgerAsync(CancellationToken cancellationToken = default);
}
