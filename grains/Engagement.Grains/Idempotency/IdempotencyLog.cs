namespace Engagement;

/// <summary>
/// The idempotency keys a grain remembers, with the result and request hash of each write, for the configured
/// window (<see cref="IdempotencyOptions.Window"/>). Stored in the owner's row, bounded: the newest writes
/// (<see cref="Recent"/>, at most <see cref="Idempotency{TResult}.RecentLimit"/>) whole, older ones sealed into
/// <see cref="IIdempotencyPageGrain"/> pages of which the row keeps only a 4-byte fingerprint per key, until the
/// page's newest write leaves the window. Operated by <see cref="Idempotency{TResult}"/>.
/// </summary>
[GenerateSerializer, Alias("engagement.IdempotencyLog`1")]
public sealed class IdempotencyLog<TResult> where TResult : class
{
    /// <summary>Writes not sealed yet, oldest first.</summary>
    [Id(0)]
    public List<IdempotentWrite<TResult>> Recent { get; set; } = [];

    /// <summary>Sealed pages still inside the window, oldest first.</summary>
    [Id(1)]
    public List<SealedKeys> Sealed { get; set; } = [];

    /// <summary>The number the next sealed page gets.</summary>
    [Id(2)]
    public long NextPage { get; set; }
}

/// <summary>
/// One write: its key, the hash of its request (null: any request matches — records migrated from before hashes,
/// or keys only grains derive), when it first ran and what it answered.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.IdempotentWrite`1")]
public sealed record IdempotentWrite<TResult>(
    [property: Id(0)] string Key,
    [property: Id(1)] string? RequestHash,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] TResult? Result) where TResult : class;

/// <summary>A sealed page: its number, its newest write and the fingerprints of its keys (base64, 4 bytes each).</summary>
[GenerateSerializer, Immutable, Alias("engagement.SealedKeys")]
public sealed record SealedKeys(
    [property: Id(0)] long Page,
    [property: Id(1)] DateTimeOffset Newest,
    [property: Id(2)] string Fingerprints);
