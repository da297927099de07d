using Microsoft.Extensions.Logging;

namespace Engagement;

/// <summary>
/// A sharded board (a park's or a committee's members): its entries live in <see cref="BoardKeys.ShardsOf"/> shards
/// by member, so no grain sees every award of the park, and this grain — keyed by the board's own key — answers for
/// the board as a whole. It holds no scores and stores nothing:
/// <list type="bullet">
/// <item>a page merges the shards' pages (each shard seeks to the previous page's last entry, so a deep page costs one
/// O(log n) seek per shard, not the whole prefix);</item>
/// <item>a member's rank is the sum of how many entries come before them on each shard, and their neighbours are the
/// nearest entries of all shards around their place;</item>
/// <item>while it is watched it watches every shard (the same leased subscription a gateway holds, renewed every
/// <see cref="LiveWatch.Renew"/>, so re-created shards are found again), merges their tops and tells its own
/// watchers, at most once per <see cref="LeaderboardWatch.Coalesce"/>.</item>
/// </list>
/// Entries from the feed go straight to the member's shard; what is sent here is passed on to it.
/// Reentrant: every read waits for 8 (or 4) shards, which on a cluster are partly on other silos; taken one at a
/// time, the reads of a busy park board queued behind each other (p50 223 ms on the 2-silo PostgreSQL bench). Nothing
/// here is changed across an await except the last known shard tops, which only ever move to a newer version.
/// </summary>
[GrainType("board-head"), Reentrant]
public sealed class ShardedBoardGrain(DomainClock clock, ILogger<ShardedBoardGrain> logger)
    : EngagementGrain, ILeaderboardGrain, ILeaderboardGrainInternal, IWatcher<BoardPage>
{
    private BoardPage?[] _tops = [];
    private Watchers<BoardPage>? _watchers;
    private IGrainTimer? _following;
    private IGrainTimer? _publish;
    private DateTimeOffset _publishedAt = DateTimeOffset.MinValue;
    private long _version;
    private BoardAudience? _audience;
    private BoardRepair? _repair;

    private string Key => this.GetPrimaryKeyString();

    private int Shards => _tops.Length;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _tops = new BoardPage?[BoardKeys.ShardsOf(BoardKeys.Parse(Key).Scope)];
        _version = clock.UtcNow.ToUnixTimeMilliseconds() * 1000; // above any version an earlier activation gave
        return Task.CompletedTask;
    }

    private ILeaderboardGrainInternal Shard(int index) => GrainFactory.Board<ILeaderboardGrainInternal>(BoardKeys.Shard(Key, index));

    private ILeaderboardGrainInternal ShardOf(string memberId) => GrainFactory.Board<ILeaderboardGrainInternal>(BoardKeys.RankingOf(Key, memberId));

    public async Task<BoardPage> TopAsync(Caller caller, int offset, int count, BoardEntry? after = null, CancellationToken cancellationToken = default)
    {
        await DemandReaderAsync(caller);
        var want = after is null ? offset + count : count;
        var slices = await FirstAsync(after, want);
        var entries = Merge(slices.SelectMany(s => s.After)).Skip(after is null ? offset : 0).Take(count);
        return new BoardPage(Key, Ranked(entries, offset), slices.Sum(s => s.Count), _version);
    }

    /// <summary>
    /// Every shard's entries after <paramref name="after"/>, enough of them for the first <paramref name="want"/> of
    /// the board. Members are spread evenly over the shards, so each is asked for about twice its share first (a
    /// top 100 of 8 shards reads 200 entries, not 800); a shard that gave all it was asked for, the last of which is
    /// still among the first <paramref name="want"/>, may hold more of them and is asked again for all
    /// <paramref name="want"/>. A shard not asked again either ran out or had its last entry fall outside, so nothing
    /// further of it can belong: the answer is exact.
    /// </summary>
    private async Task<BoardSlice[]> FirstAsync(BoardEntry? after, int want)
    {
        var share = Math.Min(want, (2 * ((want + Shards - 1) / Shards)) + 2);
        var slices = await SlicesAsync(after, 0, share);
        if (share == want)
        {
            return slices;
        }

        var merged = Merge(slices.SelectMany(s => s.After)).Take(want).ToList();
        var bound = merged.Count == want ? merged[^1] : null;
        var again = Enumerable.Range(0, Shards)
            .Where(i => slices[i].After.Count == share && (bound is null || BoardOrder.Instance.Compare(slices[i].After[^1], bound) <= 0))
            .ToList();
        var more = await Task.WhenAll(again.Select(i => OnceMoreAsync(() => Shard(i).SliceAsync(after, 0, want))));
        foreach (var (i, slice) in again.Zip(more))
        {
            slices[i] = slice;
        }

        return slices;
    }

    public async Task<BoardStanding> AroundAsync(Caller caller, string memberId, int around, CancellationToken cancellationToken = default)
    {
        await DemandReaderAsync(caller);
        if (await OnceMoreAsync(() => ShardOf(memberId).EntryOfAsync(memberId, cancellationToken)) is not { } own)
        {
            return new BoardStanding(Key, null, [], [], (await SlicesAsync(null, 0, 0)).Sum(s => s.Count));
        }

        var slices = await SlicesAsync(own, around, around);
        var before = slices.Sum(s => s.CountBefore);
        var above = Merge(slices.SelectMany(s => s.Before)).TakeLast(around).ToList();
        var below = Merge(slices.SelectMany(s => s.After)).Take(around);
        return new BoardStanding(Key, own with { Rank = before + 1 }, Ranked(above, before - above.Count), Ranked(below, before + 1), slices.Sum(s => s.Count));
    }

    /// <summary>Only shards answer slices (this grain asks them); a merged board is not one.</summary>
    public Task<BoardSlice> SliceAsync(BoardEntry? key, int before, int after, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException($"{Key} is a sharded board, not a shard.");

    /// <summary>Only shards answer for their entries (this grain asks them); a merged board is not one.</summary>
    public Task<BoardEntry?> EntryOfAsync(string memberId, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException($"{Key} is a sharded board, not a shard.");

    public Task ApplyAsync(LedgerEntry entry, long? previousRanked = null, CancellationToken cancellationToken = default) =>
        ApplyBatchAsync([new BoardUpdate(entry, previousRanked)], cancellationToken);

    /// <summary>Passes each update on to its member's shard (the feed sends them there directly).</summary>
    public Task ApplyBatchAsync(IReadOnlyList<BoardUpdate> updates, CancellationToken cancellationToken = default) =>
        Task.WhenAll(updates.GroupBy(u => BoardKeys.RankingOf(Key, u.Entry.MemberId), StringComparer.Ordinal)
            .Select(shard => GrainFactory.Board<ILeaderboardGrainInternal>(shard.Key).ApplyBatchAsync([.. shard], cancellationToken)));

    public Task ReportBranchAsync(string branchId, long points, int members, DateTimeOffset at, string? branchName = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException($"{Key} ranks members, not branches.");

    public Task RenameAsync(string memberId, MemberName name) => ShardOf(memberId).RenameAsync(memberId, name);

    /// <summary>Every shard compares itself with the ledgers of its members; the number repaired in all.</summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken = default) =>
        (await Task.WhenAll(Enumerable.Range(0, Shards).Select(i => OnceMoreAsync(() => Shard(i).ReconcileAsync(cancellationToken))))).Sum();

    /// <summary>
    /// Subscribes a gateway; the reply (also to each renewal) is the merged top of the shards, marked
    /// <see cref="BoardPage.Ended"/> once the park's calendar has moved past the board's period.
    /// </summary>
    public async Task<BoardPage?> WatchAsync(IWatcher<BoardPage> watcher, CancellationToken cancellationToken = default)
    {
        (_watchers ??= new(logger)).Add(watcher);
        if (_following is null)
        {
            await FollowAsync(cancellationToken);
            _following = this.RegisterGrainTimer(FollowAsync, new GrainTimerCreationOptions(LiveWatch.Renew, LiveWatch.Renew) { Interleave = true });
        }

        var repair = await RepairAsync();
        return MergedTop() with { Ended = repair.Ended(clock.UtcNow) };
    }

    public Task UnwatchAsync(IWatcher<BoardPage> watcher, CancellationToken cancellationToken = default)
    {
        _watchers?.Remove(watcher);
        return Task.CompletedTask;
    }

    /// <summary>A shard's new top (it watches shards while it is watched itself).</summary>
    public Task OnNextAsync(BoardPage item)
    {
        if (Keep(item))
        {
            TopChanged();
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Watches (or renews the watch of) every shard while a gateway watches this board, taking each shard's current
    /// top as the truth; once no gateway renews any more, lets go of the shards (their leases lapse).
    /// </summary>
    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        var self = this.AsReference<IWatcher<BoardPage>>();
        if (_watchers is null || _watchers.Active == 0)
        {
            _following?.Dispose();
            _following = null;
            await Task.WhenAll(Enumerable.Range(0, Shards).Select(i => GrainFactory.Board<ILeaderboardGrain>(BoardKeys.Shard(Key, i)).UnwatchAsync(self, cancellationToken)));
            return;
        }

        var changed = false;
        await Task.WhenAll(Enumerable.Range(0, Shards).Select(async i =>
        {
            try
            {
                if (await GrainFactory.Board<ILeaderboardGrain>(BoardKeys.Shard(Key, i)).WatchAsync(self, cancellationToken) is { } top)
                {
                    changed |= Keep(top with { Ended = false });
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Watching shard {Shard} of {Board} failed; trying again in {Renew}", i, Key, LiveWatch.Renew);
            }
        }));
        if (changed)
        {
            TopChanged();
        }
    }

    /// <summary>Keeps a shard's top unless an equal or newer one is kept already; true when it was new.</summary>
    private bool Keep(BoardPage top)
    {
        if (BoardKeys.SplitShard(top.BoardKey).Shard is not { } index || index >= Shards || _tops[index] is { } kept && kept.Version >= top.Version)
        {
            return false;
        }

        _tops[index] = top;
        return true;
    }

    /// <summary>
    /// Tells watchers at once if nothing was told for <see cref="LeaderboardWatch.Coalesce"/>, else when that much
    /// has passed since: a shard already gathered its changes for a batcher window, so a quiet board's change is not
    /// held twice, and a busy board still sends at most ~6 updates a second.
    /// </summary>
    private void TopChanged()
    {
        if (_publish is not null)
        {
            return;
        }

        var wait = _publishedAt + LeaderboardWatch.Coalesce - clock.UtcNow;
        if (wait <= TimeSpan.Zero || wait > LeaderboardWatch.Coalesce)
        {
            Publish();
            return;
        }

        _publish = this.RegisterGrainTimer(_ =>
        {
            _publish?.Dispose();
            _publish = null;
            Publish();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan));
    }

    private void Publish()
    {
        _publishedAt = clock.UtcNow;
        _version++;
        _watchers?.Push(MergedTop());
    }

    /// <summary>The merged top of the shards' last known tops.</summary>
    private BoardPage MergedTop()
    {
        var known = _tops.OfType<BoardPage>().ToList();
        var entries = Merge(known.SelectMany(t => t.Entries)).Take(LeaderboardWatch.TopSize);
        return new BoardPage(Key, Ranked(entries, 0), known.Sum(t => t.Total), _version);
    }

    private Task<BoardSlice[]> SlicesAsync(BoardEntry? key, int before, int after) =>
        Task.WhenAll(Enumerable.Range(0, Shards).Select(i => OnceMoreAsync(() => Shard(i).SliceAsync(key, before, after))));

    /// <summary>
    /// A read of a shard, tried once more when it failed because the silo it was on just died: the failure made the
    /// runtime drop that location, so the second call re-creates the shard elsewhere. A read of a park board touches
    /// every shard, so right after a silo's death one of them is likely to have lived there.
    /// </summary>
    private static async Task<T> OnceMoreAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception e) when (e is SiloUnavailableException or OrleansMessageRejectionException)
        {
            return await read();
        }
    }

    /// <summary>Entries of several shards in the board's order (each shard's list is in order; the lists are short).</summary>
    private static IEnumerable<BoardEntry> Merge(IEnumerable<BoardEntry> entries) => entries.Order(BoardOrder.Instance);

    /// <summary>The entries ranked from <paramref name="offset"/> + 1 on the whole board.</summary>
    private static List<BoardEntry> Ranked(IEnumerable<BoardEntry> entries, long offset) =>
        [.. entries.Select((e, i) => e with { Rank = offset + i + 1 })];

    private async Task<BoardRepair> RepairAsync()
    {
        _audience ??= await BoardAudience.OfAsync(GrainFactory, Key);
        return _repair ??= new BoardRepair(GrainFactory, Key, _audience);
    }

    private async Task DemandReaderAsync(Caller caller)
    {
        await RepairAsync();
        await _audience!.DemandReaderAsync(GrainFactory, caller);
    }
}
