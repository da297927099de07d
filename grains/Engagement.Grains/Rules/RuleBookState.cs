namespace Engagement;

[GenerateSerializer, Alias("engagement.RuleBookState")]
public sealed class RuleBookState
{
    /// <summary>Versions ordered by effective time.</summary>
    [Id(0)]
    public List<RuleVersion> Versions { get; set; } = [];

    /// <summary>Before <see cref="Changes"/>: the last 50 keys → the effective time they scheduled. Moved into <see cref="Changes"/> on first use.</summary>
    [Id(1)]
    public Dictionary<string, DateTimeOffset> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The version each change scheduled, by idempotency key, for the idempotency window.</summary>
    [Id(2)]
    public IdempotencyLog<RuleVersion> Changes { get; set; } = new();
}
