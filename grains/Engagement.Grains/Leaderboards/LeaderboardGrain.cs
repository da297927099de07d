using Microsoft.Extensions.Logging;

namespace Engagement;

/// <summary>
/// One board, or one shard of a sharded board (a park's or committee's members, see <see cref="BoardKeys.ShardsOf"/>;
/// <see cref="ShardedBoardGrain"/> merges the shards): receives ledger entries (in batches from its silo's batcher), keeps its <see cref="BoardRanking"/>,
/// repairs itself from the ledger through <see cref="BoardRepair"/>, tells watchers of changes of its top, and, as a
/// branch board, reports its total to its committee's branch board. Boards are derived state; the scores are
/// snapshotted at most every few seconds (and on deactivation) rather than on every point.
/// </summary>
[GrainType("leaderboard")]
public sealed class LeaderboardGrain(
    [PersistentState("leaderboard", StorageNames.Main)] IPersistentState<BoardState> state,
    IClusterMembershipService membership,
    DomainClock clock,
    ILogger<LeaderboardGrain> logger) : EngagementGrain, ILeaderboardGrain, ILeaderboardGrainInternal
{
    private static readonly TimeSpan SnapshotEvery = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A snapshot writes every score (JSON of the whole board), so a large board waits longer between snapshots:
    /// one tick of <see cref="SnapshotEvery"/> per 10,000 scores (50 s at 100,000). At 100,000 members the ten park
    /// and committee boards otherwise wrote ~100 MB of JSON every 5 s. Nothing is lost by waiting: a board re-created
    /// from an older snapshot reconciles with the ledgers at once (see OnActivateAsync).
    /// </summary>
    private const int ScoresPerSnapshotTick = 10_000;

    /// <summary>
    /// How often a board checks whether to compare itself with the ledgers of its scope's members (catches members
    /// gone quiet whose events were lost): only after a membership change or as the safety net (<see cref="RepairSchedule"/>).
    /// The check itself is a comparison of membership versions; 15 s bounds how long a board stays behind after a silo
    /// died with events in flight (it was 5 minutes, which a rolling restart under load showed as minutes of lag).
    /// </summary>
    private static readonly TimeSpan ReconcileEvery = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan FirstReconcileOfNewBoard = TimeSpan.FromSeconds(5);

    /// <summary>How many members a board's comparison with the ledgers asks at once.</summary>
    private const int ReconcileRound = 16;

    /// <summary>At most this many names of members not (yet) ranked here are remembered (see <see cref="_earlyNames"/>).</summary>
    private const int EarlyNamesKept = 1024;

    /// <summary>
    /// Renames of members not ranked here yet, in memory only: a rename right after an award can overtake the award's
    /// event (which carries the older name), so the name waits here for the member's first entry. Lost with the
    /// activation, which is harmless: a reconcile reads every member's current name.
    /// </summary>
    private readonly Dictionary<string, MemberName> _earlyNames = new(StringComparer.Ordinal);
    private BoardRanking _ranking = null!;
    private bool _dirty;
    private bool _topChanged;
    private IGrainTimer? _publish;
    private long _version;
    private BoardAudience? _audience;
    private BoardRepair? _repair;
    private int _ticksSinceSnapshot;
    private RepairSchedule? _repairs;
    private int? _memberCount;
    private Watchers<BoardPage>? _watchers;
    private string? _scopeTag;
    private (int? Index, int Of)? _shard;

    /// <summary>A branch board's change not yet told to its committee's branch board: the newest entry's time, and whether a member scored here first.</summary>
    private (DateTimeOffset At, bool Newcomer)? _unreported;

    private RepairSchedule Repairs => _repairs ??= new(membership);

    private string Key => this.GetPrimaryKeyString();

    /// <summary>This grain's shard of its board (null index: not a shard) and how many shards the board has.</summary>
    private (int? Index, int Of) ShardInfo => _shard ??= BoardKeys.SplitShard(Key).Shard is { } index ? (index, BoardKeys.ShardsOf(BoardKeys.Parse(Key).Scope)) : (null, 1);

    /// <summary>Whether this grain ranks <paramref name="memberId"/> (a shard ranks only the members hashed to it).</summary>
    private bool Mine(string memberId) => ShardInfo.Index is not { } index || BoardKeys.ShardOf(memberId, ShardInfo.Of) == index;

    /// <summary>The board's scope as a metric tag (park_members, branch_members, ...).</summary>
    private string ScopeTag => _scopeTag ??= System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(BoardKeys.Parse(Key).Scope.ToString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Versions of this activation start above any of an earlier one (which counted up from its own activation
        // time at most a few times a second), so a watcher never mistakes a re-created board for one it has seen.
        _version = clock.UtcNow.ToUnixTimeMilliseconds() * 1000;
        _ranking = new(state.State.Scores, BoardKeys.Parse(Key).Scope == BoardScope.CommitteeBranches ? PerMemberOrder.Instance : BoardOrder.Instance);

        // The first snapshot comes quickly, so a board that dies young is still known as one to repair.
        this.RegisterGrainTimer(ct => SnapshotAsync(force: false, ct), new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), SnapshotEvery));
        // A board that existed before (it was snapshotted) is being re-created, maybe after its silo died with events
        // in flight: reconcile at once. A board without a snapshot is usually brand-new, but may be one that died
        // before its first snapshot while the stream was down too: reconcile it soon rather than after the full period.
        // The pass interleaves with the feed and with queries: at 100,000 members it makes ~6,000 rounds of member
        // calls, and a board that waited for it froze for seconds. Both ways in re-read a member's sequence after every
        // await, so whichever applies an entry first wins and the other skips it.
        // Unless it was put away in sync while nothing changed in the cluster since (BoardState.InSyncWith): then the
        // ledgers have nothing it lacks, and comparing would only wake every member of its scope.
        if (state.State.InSyncWith is { } inSyncWith && Repairs.ResumeIfUnchanged(inSyncWith))
        {
            EngagementMetrics.BoardResumedInSync(ScopeTag);
        }

        state.State.InSyncWith = null; // what this activation writes is a snapshot in flight again

        var first = state.RecordExists ? TimeSpan.FromSeconds(1) : FirstReconcileOfNewBoard;
        this.RegisterGrainTimer(async ct =>
        {
            if (Repairs.Due)
            {
                await ReconcileAsync(ct);
            }
        }, new GrainTimerCreationOptions(first, ReconcileEvery) { Interleave = true });
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (!Repairs.Due)
        {
            state.State.InSyncWith = Repairs.Membership(); // compared since the last membership change: say so in the row
            _dirty = true;
        }

        return SnapshotAsync(force: true, cancellationToken);
    }

    public Task ApplyAsync(LedgerEntry entry, long? previousRanked = null, CancellationToken cancellationToken = default) =>
        ApplyBatchAsync([new BoardUpdate(entry, previousRanked)], cancellationToken);

    public async Task ApplyBatchAsync(IReadOnlyList<BoardUpdate> updates, CancellationToken cancellationToken = default)
    {
        var repair = await RepairAsync();
        foreach (var (entry, previousRanked, name) in updates)
        {
            var last = _ranking.LastSequence(entry.MemberId);
            if (entry.Sequence <= last)
            {
                continue; // seen already (a replayed or reordered event)
            }

            // Entries between the last one seen and this one are missing unless all of them are unranked (spending).
            var lost = previousRanked is { } previous ? previous > last : entry.Sequence > last + 1;
            var entries = lost ? await repair.MissingAsync(entry.MemberId, entry.Sequence, last) : [];
            entries.Add(entry);
            if (Apply(entry.MemberId, entries, name))
            {
                EngagementMetrics.BoardApplied(ScopeTag, clock.UtcNow - entry.CreatedAt);
            }
            else if (name is not null)
            {
                Rename(entry.MemberId, name); // seen already by a read-back, but the event may bring a newer name
            }
        }

        await ReportToCommitteeAsync();
    }

    public async Task<int> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        var repair = await RepairAsync();
        var startedAt = Repairs.Begin();
        var repaired = 0;
        var candidates = (await _audience!.RosterAsync(GrainFactory)).Where(Mine).Union(_ranking.Entrants, StringComparer.Ordinal).ToList();
        // 16 members asked at a time per board: a shard asks its share of those, so a sharded board's shards together
        // press the member grains no harder than one board did (the 100,000-member soak's awards waited up to 14 s
        // after a restart with 16 per shard, as every shard of every period compared itself at once).
        foreach (var chunk in candidates.Chunk(Math.Max(2, ReconcileRound / ShardInfo.Of)))
        {
            var latest = await Task.WhenAll(chunk.Select(m => GrainFactory.GetGrain<IMemberGrainInternal>(m).GetRankedTailAsync(cancellationToken)));
            foreach (var (memberId, (sequence, name)) in chunk.Zip(latest))
            {
                if (name is not null && _ranking.Ranks(memberId))
                {
                    Rename(memberId, name); // a rename this board was not told of (it was not active, or the message was lost)
                }

                if (sequence > _ranking.LastSequence(memberId))
                {
                    var missing = await repair.MissingAsync(memberId, sequence + 1, _ranking.LastSequence(memberId));
                    if (Apply(memberId, missing, name))
                    {
                        repaired++;
                    }
                    else if (_ranking.Skip(memberId, sequence))
                    {
                        _dirty = true; // nothing of it counts here (e.g. earned after a transfer away): remember how far we looked
                    }
                }
            }
        }

        await ReportToCommitteeAsync();
        Repairs.Passed(startedAt);
        EngagementMetrics.BoardReconciled(ScopeTag, candidates.Count);
        return repaired;
    }

    /// <summary>
    /// Applies the member's entries this board has not applied yet (the ranking re-reads the member's sequence, after
    /// the caller's awaits: the feed and a reconcile interleave). False when none was new. A branch board's new total
    /// is reported to its committee after the batch or reconcile round (<see cref="ReportToCommitteeAsync"/>).
    /// </summary>
    private bool Apply(string memberId, List<LedgerEntry> entries, MemberName? name = null)
    {
        if (_earlyNames.Count > 0 && _earlyNames.Remove(memberId, out var early) && (name is null || early.Version > name.Version))
        {
            name = early;
        }

        if (_ranking.Apply(memberId, entries, _repair!.Counts, name) is not { } change)
        {
            return false;
        }

        _dirty = true;
        if (change.TopChanged)
        {
            TopChanged();
        }

        if (change.Counted)
        {
            _unreported = (_unreported?.At is { } at && at > change.At ? at : change.At, (_unreported?.Newcomer ?? false) || change.Newcomer);
        }

        return true;
    }

    public Task RenameAsync(string memberId, MemberName name)
    {
        Rename(memberId, name);
        return Task.CompletedTask;
    }

    /// <summary>Shows a member's newer name if they are ranked here (watchers are told when they are in the top).</summary>
    private void Rename(string memberId, MemberName name)
    {
        if (!_ranking.Ranks(memberId))
        {
            if (_earlyNames.Count < EarlyNamesKept || _earlyNames.ContainsKey(memberId))
            {
                _earlyNames[memberId] = _earlyNames.GetValueOrDefault(memberId) is { } kept && kept.Version > name.Version ? kept : name;
            }

            return;
        }

        if (_ranking.Rename(memberId, name) is { } topChanged)
        {
            _dirty = true;
            if (topChanged)
            {
                TopChanged();
            }
        }
    }

    public Task ReportBranchAsync(string branchId, long points, int members, DateTimeOffset at, string? branchName = null, CancellationToken cancellationToken = default)
    {
        if (_ranking.SetBranch(branchId, points, members, at, branchName) is { } topChanged)
        {
            _dirty = true;
            if (topChanged)
            {
                TopChanged();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A branch board tells its committee's branch board of the same period its points and member count. The count is
    /// asked again when a member scores here for the first time (most likely a new member) and otherwise once per
    /// snapshot tick (the count is forgotten every <see cref="SnapshotEvery"/>).
    /// </summary>
    private async Task ReportToCommitteeAsync()
    {
        var (scope, branchId, period) = BoardKeys.Parse(Key);
        if (_unreported is not var (at, newcomer) || scope != BoardScope.BranchMembers || _audience!.CommitteeId is not { } committeeId)
        {
            return;
        }

        _unreported = null;
        if (newcomer || _memberCount is null)
        {
            _memberCount = await GrainFactory.GetGrain<IBranchGrainInternal>(branchId).CountMembersAsync();
        }

        await GrainFactory.Board<ILeaderboardGrainInternal>(BoardKeys.Key(BoardScope.CommitteeBranches, committeeId, period))
            .ReportBranchAsync(branchId, _ranking.Total, _memberCount.Value, at, _audience.BranchName);
    }

    /// <summary>
    /// Gathers top changes for a moment, then tells watchers once with the next version. A shard's only watcher is
    /// the grain merging its board, which gathers again for its own watchers: a shard waits one batcher window.
    /// </summary>
    private void TopChanged()
    {
        _topChanged = true;
        var gather = ShardInfo.Index is null ? LeaderboardWatch.Coalesce : IBoardBatcherGrain.Window;
        _publish ??= this.RegisterGrainTimer(PublishTopAsync, new GrainTimerCreationOptions(gather, Timeout.InfiniteTimeSpan));
    }

    private Task PublishTopAsync(CancellationToken cancellationToken)
    {
        _publish?.Dispose();
        _publish = null;
        if (_topChanged)
        {
            _topChanged = false;
            _version++;
            _watchers?.Push(Page(0, LeaderboardWatch.TopSize));
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Subscribes a gateway; the reply (also to each renewal) is the current top, marked <see cref="BoardPage.Ended"/>
    /// once the park's calendar has moved past this board's period, so watchers move on to the new period's board.
    /// </summary>
    public async Task<BoardPage?> WatchAsync(IWatcher<BoardPage> watcher, CancellationToken cancellationToken = default)
    {
        (_watchers ??= new(logger)).Add(watcher);
        var repair = await RepairAsync();
        return Page(0, LeaderboardWatch.TopSize) with { Ended = repair.Ended(clock.UtcNow) };
    }

    public Task UnwatchAsync(IWatcher<BoardPage> watcher, CancellationToken cancellationToken = default)
    {
        _watchers?.Remove(watcher);
        return Task.CompletedTask;
    }

    private BoardPage Page(int offset, int count) => new(Key, _ranking.Range(offset, count), _ranking.Count, _version);

    public async Task<BoardPage> TopAsync(Caller caller, int offset, int count, BoardEntry? after = null, CancellationToken cancellationToken = default)
    {
        await DemandReaderAsync(caller);
        return Page(offset, count);
    }

    public Task<BoardSlice> SliceAsync(BoardEntry? key, int before, int after, CancellationToken cancellationToken = default) =>
        Task.FromResult(_ranking.Slice(key, before, after));

    public Task<BoardEntry?> EntryOfAsync(string memberId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_ranking.EntryOf(memberId));

    public async Task<BoardStanding> AroundAsync(Caller caller, string memberId, int around, CancellationToken cancellationToken = default)
    {
        await DemandReaderAsync(caller);
        return _ranking.Around(memberId, around) is var (entry, above, below)
            ? new BoardStanding(Key, entry, above, below, _ranking.Count)
            : new BoardStanding(Key, null, [], [], _ranking.Count);
    }

    /// <summary>
    /// Runs on the snapshot timer (every <see cref="SnapshotEvery"/>) and on deactivation. Time between snapshots is
    /// counted in timer ticks, so no clock is read: a board with n scores waits max(1, n / 10,000) ticks. A shard counts
    /// its whole board (its own scores times the shards), so a sharded board writes no more JSON than one grain would.
    /// </summary>
    private async Task SnapshotAsync(bool force, CancellationToken cancellationToken)
    {
        _memberCount = null; // asked again on the next ranked entry: a branch board's member count is at most one tick old
        if (!force)
        {
            _ticksSinceSnapshot++;
        }

        if (_dirty && (force || !state.RecordExists || _ticksSinceSnapshot >= Math.Max(1, _ranking.Count * ShardInfo.Of / ScoresPerSnapshotTick)))
        {
            _dirty = false;
            _ticksSinceSnapshot = 0;
            await SaveAsync(state);
        }
    }

    /// <summary>The board's audience (its park's time zone, who may read it) and its ledger read-back, loaded once.</summary>
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
