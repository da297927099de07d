namespace Engagement;

/// <summary>The result of a progress report by its client idempotency key.</summary>
[GenerateSerializer, Immutable, Alias("engagement.KeyedProgress")]
public sealed record KeyedProgress([property: Id(0)] string Key, [property: Id(1)] ProgressResult Result);
