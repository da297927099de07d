namespace Engagement;

/// <summary>
/// A member (党员), keyed by member id: profile, balance, daily counters and the newest ledger entries.
/// Older ledger entries live in <see cref="ILedgerPageGrain"/>s. Every method checks the caller.
/// </summary>
[Alias("engagement.IMemberGrain")]
public interface IMemberGrain : IGrainWithStringKey
{
    /// <summary>Registers the member in a branch. Needs park-admin of the park or secretary of the branch.</summary>
    Task<MemberProfile> RegisterAsync(Caller caller, MemberRegistration registration, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Marks the member real-name verified. Needs park-admin of the park or secretary of the branch.</summary>
    Task<MemberProfile> VerifyAsync(Caller caller, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deactivates (<paramref name="active"/> false) or reactivates the member; a deactivated member can neither earn nor
    /// redeem (MEMBER_DEACTIVATED) but their history stays readable. Needs park-admin or the branch's secretary; audited.
    /// </summary>
    Task<MemberProfile> SetActiveAsync(Caller caller, bool active, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the member to <paramref name="branch"/> (an accepted transfer, called by the transfer grain, which checked
    /// the callers): branch and committee change, points and ledger stay. Moving to the branch they are in changes nothing.
    /// </summary>
    Task<MemberProfile> MoveToBranchAsync(BranchInfo branch, CancellationToken cancellationToken = default);

    /// <summary>The member's profile, for the member and those who manage them.</summary>
    Task<MemberProfile> GetProfileAsync(Caller caller, CancellationToken cancellationToken = default);

    /// <summary>Today's check-in (park-local day). Only the member themselves, verified.</summary>
    Task<CheckInResult> CheckInAsync(Caller caller, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Balance and held points.</summary>
    Task<BalanceInfo> GetBalanceAsync(Caller caller, CancellationToken cancellationToken = default);

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

    /// <summary>Today's points per activity with their caps, the streak and the balance.</summary>
    Task<DailyProgress> GetDailyProgressAsync(Caller caller, CancellationToken cancellationToken = default);

    /// <summary>A manual adjustment (± points, with a reason) by the branch secretary or a park admin; audited.</summary>
    Task<AwardResult> AdjustAsync(Caller caller, long amount, string reason, string idempotencyKey, CancellationToken cancellationToken = default);

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
    /// Changes the member's display name (what leaderboards show): the member themselves, their branch's secretary or a
    /// park admin; once per idempotency key; audited (rename-member). Every board of the member's branch, committee and
    /// park for the current periods is told at once; other boards learn it when they next reconcile.
    /// </summary>
    Task<MemberProfile> SetDisplayNameAsync(Caller caller, string displayName, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// For derived state (leaderboards): up to <paramref name="count"/> entries with a sequence below
    /// <paramref name="beforeSequence"/>, newest first, without a caller check.
    /// </summary>
    Task<LedgerSlice> ReadLedgerAsync(int count, long beforeSequence, CancellationToken cancellationToken = default);

    /// <summary>Re-adds the whole ledger and compares it with the balance (for the consistency check).</summary>
    Task<LedgerCheck> CheckLedgerAsync(CancellationToken cancellationToken = default);

    /// <summary>Ledger entries with a sequence below <paramref name="beforeSequence"/> (null: the newest), newest first.</summary>
    Task<LedgerSlice> ListLedgerAsync(Caller caller, int pageSize, long? beforeSequence, CancellationToken cancellationToken = default);
}
