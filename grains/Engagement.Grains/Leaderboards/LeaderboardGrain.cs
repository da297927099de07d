using Microsoft.Extensions.Logging;

namespace Engagement;

/// <summary>
/// One board in memory: scores by member plus a <see cref="RankedSet{T}"/> for O(log n) ranks. Boards are derived
/// state; the scores are snapshotted at most every few seconds (and on deactivation) rather than on every point.
/// </summary>
[GrainType("leaderboard")]
public sealed class LeaderboardGrain(
    [PersistentState("leaderboard", StorageNames.Main)] IPersistentState<BoardState> state,
    IClusterMembershipService membership,
    DomainClock clock,
    ILogger<LeaderboardGrain> logger) : EngagementGrain, ILeaderboardGrain
{
    private static readonly TimeSpan SnapshotEvery = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A snapshot writes every score (JSON of the whole board), so a large board waits longer between snapshots:
    /// 5 s up to 10,000 scores, then 1 s more per 2,000 (50 s at 100,000). At 100,000 members the ten park and
    /// committee boards otherwise wrote ~100 MB of JSON every 5 s (issue #7's profile). Nothing is lost by waiting: a
    /// board re-created from an older snapshot reconciles with the ledgers at once (see OnActivateAsync).
    /// </summary>
    private const int ScoresPerSnapshotSecond = 2000;

    /// <summary>
    /// How often a board checks whether to compare itself with the ledgers of its scope's members (catches members
    /// gone quiet whose events were lost): only after a membership change or as the safety net (<see cref="RepairSchedule"/>).
    /// </summary>
    private static readonly TimeSpan ReconcileEvery = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan FirstReconcileOfNewBoard = TimeSpan.FromSeconds(30);
    private RankedSet<BoardScore> _ranking = new(BoardOrder.Instance);
    private long _total;
    private bool _dirty;
    private bool _topChanged;
    private IGrainTimer? _publish;
    private long _version;
    private BoardAudience? _audience;
    private int _ticksSinceSnapshot;
    private RepairSchedule? _repairs;
    private int? _memberCount;
    private Watchers<BoardPage>? _watchers;

    /// <summary>A branch board's change not yet told to its committee's branch board: the newest entry's time, and whether a member scored here first.</summary>
    private (DateTimeOffset At, bool Newcomer)? _unreported;

    private RepairSchedule Repairs => _repairs ??= new(membership);

    private string Key => this.GetPrimaryKeyString();

    private string Period => BoardKeys.Parse(Key).PeriodKey;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Versions of this activation start above any of an earlier one (which counted up from its own activation
        // time at most a few times a second), so a watcher never mistakes a re-created board for one it has seen.
        _version = clock.UtcNow.ToUnixTimeMilliseconds() * 1000;
        _ranking = new(BoardKeys.Parse(Key).Scope == BoardScope.CommitteeBranches ? PerMemberOrder.Instance : BoardOrder.Instance);
        foreach (var score in state.State.Scores.Values)
        {
            _ranking.Add(score);
            _total += score.Score;
        }

        // The first snapshot comes quickly, so a board that dies young is still known as one to repair.
        this.RegisterGrainTimer(ct => SnapshotAsync(force: false, ct), new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), SnapshotEvery));
        // A board that existed before (it was snapshotted) is being re-created, maybe after its silo died with events
        // in flight: reconcile at once. A board without a snapshot is usually brand-new, but may be one that died
        // before its first snapshot while the stream was down too: reconcile it soon rather than after the full period.
        // The pass interleaves with the feed and with queries: at 100,000 members it makes ~6,000 rounds of member
        // calls, and a board that waited for it froze for seconds. Both ways in re-read a member's score after every
        // await, so whichever applies an entry first wins and the other skips it.
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

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => SnapshotAsync(force: true, cancellationToken);

    public Task ApplyAsync(LedgerEntry entry, long? previousRanked = null, CancellationToken cancellationToken = default) =>
        ApplyBatchAsync([new BoardUpdate(entry, previousRanked)], cancellationToken);

    public async Task ApplyBatchAsync(IReadOnlyList<BoardUpdate> updates, CancellationToken cancellationToken = default)
    {
        _audience ??= await BoardAudience.OfAsync(GrainFactory, Key);
        foreach (var (entry, previousRanked) in updates)
        {
            var last = state.State.Scores.GetValueOrDefault(entry.MemberId)?.LastSequence ?? 0;
            if (entry.Sequence <= last)
            {
                continue; // seen already (a replayed or reordered event)
            }

            // Entries between the last one seen and this one are missing unless all of them are unranked (spending).
            var lost = previousRanked is { } previous ? previous > last : entry.Sequence > last + 1;
            var entries = lost ? await MissingAsync(entry.MemberId, entry.Sequence, last) : [];
            entries.Add(entry);
            ApplyEntries(entry.MemberId, entries);
        }

        await ReportToCommitteeAsync();
    }

    public async Task<int> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        _audience ??= await BoardAudience.OfAsync(GrainFactory, Key);
        var startedAt = Repairs.Begin();
        var repaired = 0;
        var candidates = (await _audience.RosterAsync(GrainFactory)).Union(state.State.Scores.Keys, StringComparer.Ordinal).ToList();
        foreach (var chunk in candidates.Chunk(16))
        {
            var latest = await Task.WhenAll(chunk.Select(m => GrainFactory.GetGrain<IMemberGrain>(m).GetLastRankedSequenceAsync(cancellationToken)));
            foreach (var (memberId, sequence) in chunk.Zip(latest))
            {
                var old = state.State.Scores.GetValueOrDefault(memberId);
                if (sequence > (old?.LastSequence ?? 0))
                {
                    var missing = await MissingAsync(memberId, sequence + 1, old?.LastSequence ?? 0);
                    if (ApplyEntries(memberId, missing))
                    {
                        repaired++;
                    }
                    else if (state.State.Scores.GetValueOrDefault(memberId) is { } current && sequence > current.LastSequence)
                    {
                        // Nothing of it counts here (e.g. earned after a transfer away): remember how far we looked.
                        state.State.Scores[memberId] = current with { LastSequence = sequence };
                        _dirty = true;
                    }
                }
            }
        }

        await ReportToCommitteeAsync();
        Repairs.Passed(startedAt);
        return repaired;
    }

    /// <summary>
    /// Applies the member's entries this board has not applied yet (the score is read here, after the caller's
    /// awaits: the feed and a reconcile interleave). False when none was new. A branch board's new total is reported
    /// to its committee after the batch or reconcile round (<see cref="ReportToCommitteeAsync"/>).
    /// </summary>
    private bool ApplyEntries(string memberId, List<LedgerEntry> entries)
    {
        var old = state.State.Scores.GetValueOrDefault(memberId);
        var last = old?.LastSequence ?? 0;
        entries = [.. entries.Where(e => e.Sequence > last)];
        if (entries.Count == 0)
        {
            return false;
        }

        var entry = entries[^1];
        var counted = entries.Where(Counts).ToList();
        var score = (old ?? new BoardScore(entry.MemberId, 0, entry.CreatedAt)) with { LastSequence = entry.Sequence };
        if (counted.Count > 0)
        {
            score = score with { Score = score.Score + counted.Sum(e => e.Amount), ReachedAt = counted[^1].CreatedAt };
        }

        var rankBefore = old is null ? int.MaxValue : _ranking.CountBefore(old);
        if (old is not null)
        {
            _ranking.Remove(old);
        }

        if (old is not null || counted.Count > 0)
        {
            _ranking.Add(score);
            state.State.Scores[entry.MemberId] = score;
            if (counted.Count > 0 && Math.Min(rankBefore, _ranking.CountBefore(score)) < LeaderboardWatch.TopSize)
            {
                TopChanged();
            }
        }

        _dirty = true;
        if (counted.Count > 0)
        {
            _total += counted.Sum(e => e.Amount);
            _unreported = (_unreported?.At is { } at && at > entry.CreatedAt ? at : entry.CreatedAt, (_unreported?.Newcomer ?? false) || old is null);
        }

        return true;
    }

    public Task ReportBranchAsync(string branchId, long points, int members, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var old = state.State.Scores.GetValueOrDefault(branchId);
        if (old is not null && old.Score == points && old.Members == members)
        {
            return Task.CompletedTask;
        }

        var score = new BoardScore(branchId, points, old is not null && old.Score == points ? old.ReachedAt : at, 0, members);
        var rankBefore = old is null ? int.MaxValue : _ranking.CountBefore(old);
        if (old is not null)
        {
            _ranking.Remove(old);
        }

        _ranking.Add(score);
        state.State.Scores[branchId] = score;
        _dirty = true;
        if (Math.Min(rankBefore, _ranking.CountBefore(score)) < LeaderboardWatch.TopSize)
        {
            TopChanged();
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A branch board tells its committee's branch board of the same period its points and member count. The count is
    /// asked again when a member scores here for the first time (most likely a new member) and otherwise once per
    /// snapshot tick (the count is forgotten every <see cref="SnapshotEvery"/>): one grain call fewer per ranked entry
    /// on each of the five branch boards.
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
            _memberCount = await GrainFactory.GetGrain<IBranchGrain>(branchId).CountMembersAsync();
        }

        var members = _memberCount.Value;
        await GrainFactory.GetGrain<ILeaderboardGrain>(BoardKeys.Key(BoardScope.CommitteeBranches, committeeId, period))
            .ReportBranchAsync(branchId, _total, members, at);
    }

    /// <summary>Gathers top changes for a moment, then tells watchers once with the next version.</summary>
    private void TopChanged()
    {
        _topChanged = true;
        _publish ??= this.RegisterGrainTimer(PublishTopAsync, new GrainTimerCreationOptions(LeaderboardWatch.Coalesce, Timeout.InfiniteTimeSpan));
    }

    private Task PublishTopAsync(CancellationToken cancellationToken)
    {
        _publish?.Dispose();
        _publish = null;
        if (!_topChanged)
        {
            return Task.CompletedTask;
        }

        _topChanged = false;
        _version++;
        _watchers?.Push(Page(0, LeaderboardWatch.TopSize));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Subscribes a gateway; the reply (also to each renewal) is the current top, marked <see cref="BoardPage.Ended"/>
    /// once the park's calendar has moved past this board's period, so watchers move on to the new period's board.
    /// </summary>
    public async Task<BoardPage?> WatchAsync(IWatcher<BoardPage> watcher, CancellationToken cancellationToken = default)
    {
        (_watchers ??= new(logger)).Add(watcher);
        _audience ??= await BoardAudience.OfAsync(GrainFactory, Key);
        var period = BoardKeys.PeriodOf(Period);
        var current = BoardKeys.PeriodKey(period, ParkClock.DayOf(clock.UtcNow, _audience.TimeZone));
        return Page(0, LeaderboardWatch.TopSize) with { Ended = string.CompareOrdinal(current, Period) > 0 };
    }

    public Task UnwatchAsync(IWatcher<BoardPage> watcher, CancellationToken cancellationToken = default)
    {
        _watchers?.Remove(watcher);
        return Task.CompletedTask;
    }

    private BoardPage Page(int offset, int count) =>
        new(Key, [.. _ranking.Range(offset, count).Select((s, i) => Entry(s, offset + i))], _ranking.Count, _version);

    /// <summary>
    /// The member's entries after <paramref name="after"/> and below <paramref name="beforeSequence"/> that this board never got,
    /// oldest first, read from the ledger (the truth) back to the start of this board's period.
    /// </summary>
    private async Task<List<LedgerEntry>> MissingAsync(string memberId, long beforeSequence, long after) =>
        await EarnedHereAsync(memberId, await LedgerCatchUp.MissingAsync(GrainFactory, memberId, beforeSequence, after, e => !InOrAfterPeriod(e)));

    /// <summary>
    /// Entries read back from the ledger count on a branch or committee board only for the time the member belonged
    /// to it: a transferred member's points count for the new branch from the move on, and stay with the old one before.
    /// </summary>
    private async Task<List<LedgerEntry>> EarnedHereAsync(string memberId, List<LedgerEntry> entries)
    {
        var (scope, scopeId, _) = BoardKeys.Parse(Key);
        if (entries.Count == 0 || scope is BoardScope.ParkMembers or BoardScope.CommitteeBranches)
        {
            return entries;
        }

        return scope == BoardScope.BranchMembers
            ? await LedgerCatchUp.WhileMemberOfAsync(GrainFactory, memberId, entries, profile => profile.BranchId == scopeId)
            : await LedgerCatchUp.WhileMemberOfAsync(GrainFactory, memberId, entries, profile => profile.CommitteeId == scopeId,
                profile => profile.CommitteeBeforeTransfer == scopeId);
    }

    /// <summary>Boards rank what members earned in the period: spending (redemptions, refunds) does not move them.</summary>
    private bool Counts(LedgerEntry entry) => ActivityLedger.IsRanked(entry.Kind) && PeriodKeyOf(entry) == Period;

    private bool InOrAfterPeriod(LedgerEntry entry) => string.CompareOrdinal(PeriodKeyOf(entry), Period) >= 0;

    private string PeriodKeyOf(LedgerEntry entry) =>
        BoardKeys.PeriodKey(BoardKeys.PeriodOf(Period), ParkClock.DayOf(entry.CreatedAt, _audience!.TimeZone));

    public async Task<BoardPage> TopAsync(Caller caller, int offset, int count, CancellationToken cancellationToken = default)
    {
        await DemandReaderAsync(caller);
        return Page(offset, count);
    }

    public async Task<BoardStanding> AroundAsync(Caller caller, string memberId, int around, CancellationToken cancellationToken = default)
    {
        await DemandReaderAsync(caller);
        if (state.State.Scores.GetValueOrDefault(memberId) is not { } score)
        {
            return new BoardStanding(Key, null, [], [], _ranking.Count);
        }

        var rank = _ranking.CountBefore(score);
        var first = Math.Max(0, rank - around);
        return new BoardStanding(Key, Entry(score, rank),
            [.. _ranking.Range(first, rank - first).Select((s, i) => Entry(s, first + i))],
            [.. _ranking.Range(rank + 1, around).Select((s, i) => Entry(s, rank + 1 + i))],
            _ranking.Count);
    }

    private static BoardEntry Entry(BoardScore score, int index) => new(index + 1, score.MemberId, score.Score, score.ReachedAt, score.Members);

    /// <summary>
    /// Runs on the snapshot timer (every <see cref="SnapshotEvery"/>) and on deactivation. Time between snapshots is
    /// counted in timer ticks, so no clock is read: a board with n scores waits max(1, n / 10,000) ticks.
    /// </summary>
    private async Task SnapshotAsync(bool force, CancellationToken cancellationToken)
    {
        _memberCount = null; // asked again on the next ranked entry: a branch board's member count is at most one tick old
        var ticks = Math.Max(1, state.State.Scores.Count / (ScoresPerSnapshotSecond * (int)SnapshotEvery.TotalSeconds));
        if (!force)
        {
            _ticksSinceSnapshot++;
        }

        if (_dirty && (force || !state.RecordExists || _ticksSinceSnapshot >= ticks))
        {
            _dirty = false;
            _ticksSinceSnapshot = 0;
            await SaveAsync(state);
        }
    }

    private async Task DemandReaderAsync(Caller caller)
    {
        _audience ??= await BoardAudience.OfAsync(GrainFactory, Key);
        Caller.Demand(await _audience.MayReadAsync(GrainFactory, caller), "read this leaderboard");
    }
}
