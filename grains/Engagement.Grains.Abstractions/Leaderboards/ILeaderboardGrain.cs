namespace Engagement;

/// <summary>
/// One board (scope, scope id, period), keyed by <see cref="BoardKeys.Key"/>. Ranks by points earned in the period;
/// ties go to whoever reached the score first, then to the smaller member id. Updates and rank queries are O(log n).
/// What callers may ask; what the points feed, the batcher and members tell a board is its internal interface in the
/// grains assembly.
/// </summary>
[Alias("engagement.ILeaderboardGrain")]
public interface ILeaderboardGrain : IGrainWithStringKey, IWatchable<BoardPage>
{
    /// <summary>
    /// Entries from rank <paramref name="offset"/> + 1, at most <paramref name="count"/>. <paramref name="after"/>, when
    /// given, is the entry at rank <paramref name="offset"/> on the previous page: a sharded board continues after it
    /// (each shard seeks to it in O(log n)) instead of reading <paramref name="offset"/> entries from every shard.
    /// </summary>
    Task<BoardPage> TopAsync(Caller caller, int offset, int count, BoardEntry? after = null, CancellationToken cancellationToken = default);

    /// <summary>A member's rank and score with up to <paramref name="around"/> entries above and below.</summary>
    Task<BoardStanding> AroundAsync(Caller caller, string memberId, int around, CancellationToken cancellationToken = default);
}
