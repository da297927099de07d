namespace Engagement;

/// <summary>State of an entity created once by a client: what it is, and the idempotency key that created it.</summary>
[GenerateSerializer, Alias("engagement.EntityState`1")]
public sealed class EntityState<TInfo> where TInfo : class
{
    [Id(0)]
    public TInfo? Info { get; set; }

    [Id(1)]
    public string? CreationKey { get; set; }

    /// <summary>The hash of the creating request (<see cref="RequestHash"/>); null in rows stored before it was kept.</summary>
    [Id(2)]
    public string? CreationHash { get; set; }
}
