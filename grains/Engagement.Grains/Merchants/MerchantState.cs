namespace Engagement;

[GenerateSerializer, Alias("engagement.MerchantState")]
public sealed class MerchantState
{
    [Id(0)]
    public MerchantInfo? Info { get; set; }

    [Id(1)]
    public string? CreationKey { get; set; }

    /// <summary>The hash of the creating request; null in rows stored before it was kept.</summary>
    [Id(8)]
    public string? CreationHash { get; set; }

    /// <summary>The park's time zone: settlement days are park-local.</summary>
    [Id(2)]
    public string TimeZone { get; set; } = ParkClock.DefaultTimeZone;

    [Id(3)]
    public Dictionary<string, CatalogItem> Items { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Units held by pending redemptions: redemption id → item id.</summary>
    [Id(4)]
    public Dictionary<string, string> Reserved { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Before <see cref="Moves"/>: the last 1,000 moves applied. Moved into <see cref="Moves"/> on first use.</summary>
    [Id(5)]
    public List<string> AppliedMoves { get; set; } = [];

    /// <summary>Restocks and returns applied within the idempotency window, with the item they left.</summary>
    [Id(7)]
    public IdempotencyLog<CatalogItem> Moves { get; set; } = new();

    /// <summary>Staff changes by idempotency key (<c>add:</c>, <c>remove:</c>), for the idempotency window.</summary>
    [Id(9)]
    public IdempotencyLog<MerchantInfo> StaffChanges { get; set; } = new();

    /// <summary>Catalogue edits by idempotency key, for the idempotency window.</summary>
    [Id(10)]
    public IdempotencyLog<CatalogItem> ItemEdits { get; set; } = new();

    /// <summary>
    /// The audit record of each catalogue edit in <see cref="ItemEdits"/>, by the same key: what it changed can only be
    /// told before the edit, and a retry re-writes the record a crash may have lost.
    /// </summary>
    [Id(11)]
    public IdempotencyLog<AuditRecord> ItemEditAudits { get; set; } = new();

    /// <summary>Settlement per park-local day.</summary>
    [Id(6)]
    public Dictionary<DateOnly, Settlement> Days { get; set; } = [];
}
