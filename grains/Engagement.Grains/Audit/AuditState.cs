namespace Engagement;

[GenerateSerializer, Alias("engagement.AuditState")]
public sealed class AuditState
{
    /// <summary>Records appended this month; record n is on page n / PageSize.</summary>
    [Id(0)]
    public long Count { get; set; }

    /// <summary>Before <see cref="Appended"/>: the last 256 keys. Moved into <see cref="Appended"/> on activation.</summary>
    [Id(1)]
    public List<string> RecentKeys { get; set; } = [];

    /// <summary>The keys appended within the idempotency window, so a retried append changes nothing.</summary>
    [Id(2)]
    public IdempotencyLog<AuditRecord> Appended { get; set; } = new();
}
