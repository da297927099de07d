namespace Engagement;

[GenerateSerializer, Alias("engagement.LedgerPageState")]
public sealed class LedgerPageState
{
    [Id(0)]
    public List<LedgerEntry> Entries { get; set; } = [];
}
