namespace Engagement;

/// <summary>
/// A member's durable state. Its size is bounded: the ledger keeps only its newest entries here
/// (<see cref="Tail"/>, at most <see cref="LedgerPaging.PageSize"/>); older ones are sealed into ledger pages, and
/// only the most recent idempotency results are remembered.
/// </summary>
[GenerateSerializer, Alias("engagement.MemberState")]
public sealed class MemberState
{
    [Id(0)]
    public MemberProfile? Profile { get; set; }

    [Id(1)]
    public string? RegistrationKey { get; set; }

    /// <summary>The hash of the registering request; null in rows stored before it was kept.</summary>
    [Id(15)]
    public string? RegistrationHash { get; set; }

    /// <summary>Always the sum of the whole ledger.</summary>
    [Id(2)]
    public long Balance { get; set; }

    [Id(3)]
    public long Held { get; set; }

    /// <summary>Sequence of the newest ledger entry (0: none yet).</summary>
    [Id(4)]
    public long LastSequence { get; set; }

    /// <summary>Pages 0 .. SealedPages-1 live in ledger page grains.</summary>
    [Id(5)]
    public int SealedPages { get; set; }

    /// <summary>Entries newer than the sealed pages, oldest first.</summary>
    [Id(6)]
    public List<LedgerEntry> Tail { get; set; } = [];

    /// <summary>The newest check-in; a second one the same day returns it.</summary>
    [Id(7)]
    public CheckInResult? LastCheckIn { get; set; }

    /// <summary>Before <see cref="Writes"/>: the last 100 check-ins by key. Moved into <see cref="Writes"/> on activation.</summary>
    [Id(8)]
    public Dictionary<string, CheckInResult> CheckInKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The park-local day <see cref="EarnedToday"/> counts.</summary>
    [Id(9)]
    public DateOnly? Day { get; set; }

    /// <summary>Points earned on <see cref="Day"/> per activity (what the daily caps apply to).</summary>
    [Id(10)]
    public Dictionary<Activity, long> EarnedToday { get; set; } = [];

    /// <summary>Points held per pending redemption; their sum is <see cref="Held"/>.</summary>
    [Id(12)]
    public Dictionary<string, HoldRecord> Holds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Redemptions per item (<c>{merchant}/{item}</c>) for the per-member limits.</summary>
    [Id(13)]
    public Dictionary<string, PurchaseCount> Purchases { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Before <see cref="Writes"/>: the last 64 awards and adjustments by key. Moved into <see cref="Writes"/> on activation.</summary>
    [Id(11)]
    public List<KeyedResult> RecentResults { get; set; } = [];

    /// <summary>
    /// Every write's result by key for the idempotency window: check-ins (<c>check-in:</c>), awards (<c>award:</c>),
    /// adjustments (<c>adjust:</c>), redemption spends and refunds (<c>redemption:</c>, <c>refund:</c>), deactivations
    /// and reactivations (<c>active:</c>).
    /// </summary>
    [Id(14)]
    public IdempotencyLog<MemberWrite> Writes { get; set; } = new();
}

/// <summary>What a member's write answered: an award or adjustment (spends and refunds too), a check-in, or a (de)activation.</summary>
[GenerateSerializer, Immutable, Alias("engagement.MemberWrite")]
public sealed record MemberWrite(
    [property: Id(0)] AwardResult? Award,
    [property: Id(1)] CheckInResult? CheckIn = null,
    [property: Id(2)] MemberProfile? Profile = null);

[GenerateSerializer, Immutable, Alias("engagement.KeyedResult")]
public sealed record KeyedResult([property: Id(0)] string Key, [property: Id(1)] AwardResult Result);

[GenerateSerializer, Immutable, Alias("engagement.HoldRecord")]
public sealed record HoldRecord([property: Id(0)] long Points, [property: Id(1)] string ItemKey, [property: Id(2)] DateOnly Day);

/// <summary>How often a member redeemed an item: on <see cref="Day"/> and in total (pending ones included).</summary>
[GenerateSerializer, Immutable, Alias("engagement.PurchaseCount")]
public sealed record PurchaseCount([property: Id(0)] DateOnly Day, [property: Id(1)] int OnDay, [property: Id(2)] int Total);
