namespace Engagement;

[GenerateSerializer, Alias("engagement.AuditState")]
public sealed class AuditState
{
    [Id(0)]
    public List<AuditRecord> Records { get; set; } = [];

    [Id(1)]
    public HashSet<string> Keys { get; set; } = new(StringComparer.Ordinal);
}
