namespace Engagement;

[GenerateSerializer, Alias("engagement.AuditState")]
public sealed class AuditState
{
    /// <summary>Records appended this month; record n is on page n / PageSize.</summary>
    [Id(0)]
    public long Count { get; set; }

    /// <summary>The most recent keys, so a retried append changes nothing.</summary>
    [Id(1)]
    public List<string> RecentKeys { get; set; } = [];
}
