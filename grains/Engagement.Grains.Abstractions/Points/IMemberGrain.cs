namespace Engagement;

/// <summary>
/// A member (党员), keyed by member id: profile, balance, daily counters and the newest ledger entries.
/// Older ledger entries live in ledger pages (<c>ILedgerPageGrain</c>). Every method checks the caller; what other
/// grains call without one (awards, holds, ledger read-back) is <c>IMemberGrainInternal</c>; both are in the grains
/// assembly, which the gateway does not reference.
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

    /// <summary>The member's profile, for the member and those who manage them.</summary>
    Task<MemberProfile> GetProfileAsync(Caller caller, CancellationToken cancellationToken = default);

    /// <summary>Today's check-in (park-local day). Only the member themselves, verified.</summary>
    Task<CheckInResult> CheckInAsync(Caller caller, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Balance and held points.</summary>
    Task<BalanceInfo> GetBalanceAsync(Caller caller, CancellationToken cancellationToken = default);

    /// <summary>Today's points per activity with their caps, the streak and the balance.</summary>
    Task<DailyProgress> GetDailyProgressAsync(Caller caller, CancellationToken cancellationToken = default);

    /// <summary>A manual adjustment (± points, with a reason) by the branch secretary or a park admin; audited.</summary>
    Task<AwardResult> AdjustAsync(Caller caller, long amount, string reason, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes the member's display name (what leaderboards show): the member themselves, their branch's secretary or a
    /// park admin; once per idempotency key; audited (rename-member). Every board of the member's branch, committee and
    /// park for the current periods is told at once; other boards learn it when they next reconcile.
    /// </summary>
    Task<MemberProfile> SetDisplayNameAsync(Caller caller, string displayName, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Ledger entries with a sequence below <paramref name="beforeSequence"/> (null: the newest), newest first.</summary>
    Task<LedgerSlice> ListLedgerAsync(Caller caller, int pageSize, long? beforeSequence, CancellationToken cancellationToken = default);
}
