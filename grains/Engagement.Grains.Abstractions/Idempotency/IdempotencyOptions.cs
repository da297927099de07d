namespace Engagement;

/// <summary>How long writes remember their idempotency keys (section <c>Engagement:Idempotency</c>).</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Engagement:Idempotency";

    /// <summary>
    /// A retry with the same key within this time of the first write returns the first result; after it the key may
    /// be forgotten (and then acts as a new write). Entities (parks, members, merchants…) remember their creation key
    /// for ever.
    /// </summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(7);
}
