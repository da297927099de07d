namespace Engagement;

/// <summary>Names the board of a scope and period: the current period is the park-local one (stateless worker, key unused).</summary>
[Alias("engagement.IBoardLocatorGrain")]
public interface IBoardLocatorGrain : IGrainWithIntegerKey
{
    /// <summary>The board key; <paramref name="periodKey"/> null means the period containing the park's today.</summary>
    Task<string> LocateAsync(BoardScope scope, string scopeId, BoardPeriod period, string? periodKey, CancellationToken cancellationToken = default);
}
