namespace Engagement;

[GenerateSerializer, Alias("engagement.RuleBookState")]
public sealed class RuleBookState
{
    /// <summary>Versions ordered by effective time.</summary>
    [Id(0)]
    public List<RuleVersion> Versions { get; set; } = [];

    /// <summary>Idempotency keys of changes → the effective time they scheduled (bounded).</summary>
    [Id(1)]
    public Dictionary<string, DateTimeOffset> Keys { get; set; } = new(StringComparer.Ordinal);
}
