namespace Engagement;

/// <summary>
/// Sealed idempotency results of one owner (a grain's log), keyed <c>{owner}/{page}</c>. Written once when the owner's
/// row holds enough recent results, read only when a retry's key matches a fingerprint of the page, cleared once
/// every result on it is older than the window.
/// </summary>
[Alias("engagement.IIdempotencyPageGrain")]
public interface IIdempotencyPageGrain : IGrainWithStringKey
{
    Task SealAsync(IReadOnlyList<SealedWrite> writes, CancellationToken cancellationToken = default);

    Task<SealedWrite?> FindAsync(string key, CancellationToken cancellationToken = default);

    Task ClearAsync(CancellationToken cancellationToken = default);
}

/// <summary>One remembered write on a page: its key, the hash of its request, when it ran and its result as JSON.</summary>
[GenerateSerializer, Immutable, Alias("engagement.SealedWrite")]
public sealed record SealedWrite(
    [property: Id(0)] string Key,
    [property: Id(1)] string? RequestHash,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string? ResultJson);
