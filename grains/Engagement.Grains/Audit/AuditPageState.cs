namespace Engagement;

[GenerateSerializer, Alias("engagement.AuditPageState")]
public sealed class AuditPageState
{
    [Id(0)]
    public List<AuditRecord> Records { get; set; } = [];

    [Id(1)]
    public List<string> Keys { get; set; } = [];
}
