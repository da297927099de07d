namespace Engagement;

/// <summary>
/// One branch's activity on one park-local day, from the points stream. Like the leaderboards it keeps each member's
/// ledger sequence: a repeated event changes nothing, a gap is read back from the ledger, and a reconcile against the
/// branch's roster (on re-creation, 5 minutes after activation, after a cluster membership change, every 6 hours as
/// a safety net, before answering a read of a day that may still change, and once after the day ended, which seals
/// it) catches members whose events were lost altogether.
/// </summary>
[GrainType("branch-day-activity")]
public sealed class BranchDayGrain(
    [PersistentState("branch-day-activity", StorageNames.Main)] IPersistentState<BranchDayState> state,
    DomainClock clock,
    IClusterMembershipService membership) : EngagementGrain, IBranchDayGrain
{
    private static readonly TimeSpan SnapshotEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ReconcileEvery = TimeSpan.FromMinutes(5);

    /// <summary>How long after the day ended its last entries may still be committing; the sealing reconcile waits this long.</summary>
    private static readonly TimeSpan SealGrace = TimeSpan.FromMinutes(5);

    /// <summary>An open day answers a read from memory when it was reconciled this recently.</summary>
    private static readonly TimeSpan ReadFreshness = TimeSpan.FromSeconds(30);

    private BranchInfo? _branch;
    private string _timeZone = ParkClock.DefaultTimeZone;
    private bool _dirty;
    private bool _recreated;
    private DateTimeOffset _reconciledAt = DateTimeOffset.MinValue;
    private RepairSchedule? _repairs;

    private RepairSchedule Repairs => _repairs ??= new(membership);

    private BranchDayState S => state.State;

    private (string BranchId, DateOnly Day) Key => ActivityKeys.ParseBranchDay(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(SnapshotAsync, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), SnapshotEvery));
        // A day that was snapshotted before is being re-created, maybe after its silo died with events in flight.
        _recreated = state.RecordExists && !S.Sealed;
        // While active, the full pass runs only when events may have been lost (see RepairSchedule); reads still
        // reconcile a day that may change when the last pass is older than ReadFreshness.
        this.RegisterGrainTimer(async ct =>
        {
            if (_recreated || Repairs.Due)
            {
                await ReconcileAsync();
            }
        }, new GrainTimerCreationOptions(_recreated ? TimeSpan.FromSeconds(1) : ReconcileEvery, ReconcileEvery));
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => SnapshotAsync(cancellationToken);

    public async Task ApplyAsync(LedgerEntry entry, CancellationToken cancellationToken = default)
    {
        var last = S.Seen.GetValueOrDefault(entry.MemberId);
        if (entry.Sequence <= last)
        {
            return; // seen already (a replayed or reordered event)
        }

        await EnsureBranchAsync();
        var entries = entry.Sequence > last + 1 ? await MissingAsync(entry.MemberId, entry.Sequence, last) : [];
        entries.Add(entry);
        Apply(entry.MemberId, entries, entry.Sequence);
    }

    public async Task<BranchDay> GetAsync(CancellationToken cancellationToken = default)
    {
        await EnsureBranchAsync();
        if (!S.Sealed)
        {
            var ended = ParkClock.DayOf(clock.UtcNow - SealGrace, _timeZone) > Key.Day;
            if (ended || _recreated || clock.UtcNow - _reconciledAt > ReadFreshness)
            {
                await ReconcileAsync();
            }

            if (ended)
            {
                S.Sealed = true;
                _dirty = true;
                await SnapshotAsync(cancellationToken);
            }
        }

        return new BranchDay(Key.BranchId, Key.Day, [.. S.Members.Values.OrderBy(m => m.MemberId, StringComparer.Ordinal)]);
    }

    /// <summary>Compares every candidate's newest ledger sequence with the one seen here and reads back what is missing.</summary>
    private async Task ReconcileAsync()
    {
        if (S.Sealed)
        {
            return;
        }

        await EnsureBranchAsync();
        var startedAt = Repairs.Begin();
        // A day back from the day's start is a cheap superset of "since the day began", in any time zone.
        var since = new DateTimeOffset(Key.Day.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var roster = await GrainFactory.GetGrain<IBranchGrainInternal>(Key.BranchId).ListMembersSinceAsync(since);
        var candidates = roster.Union(S.Seen.Keys, StringComparer.Ordinal).ToList();
        foreach (var chunk in candidates.Chunk(32))
        {
            var latest = await Task.WhenAll(chunk.Select(m => GrainFactory.GetGrain<IMemberGrainInternal>(m).GetLastSequenceAsync()));
            foreach (var (memberId, sequence) in chunk.Zip(latest))
            {
                var seen = S.Seen.GetValueOrDefault(memberId);
                if (sequence > seen)
                {
                    Apply(memberId, await MissingAsync(memberId, sequence + 1, seen), sequence);
                }
            }
        }

        _recreated = false;
        _reconciledAt = clock.UtcNow;
        Repairs.Passed(startedAt);
    }

    private void Apply(string memberId, List<LedgerEntry> entries, long seenUpTo)
    {
        if (entries.Count > 0)
        {
            S.Members[memberId] = entries.Aggregate(S.Members.GetValueOrDefault(memberId) ?? MemberDay.Empty(memberId), (day, e) => day.With(e));
        }

        S.Seen[memberId] = seenUpTo;
        _dirty = true;
    }

    /// <summary>The member's entries of this day in this branch that were never applied here, oldest first.</summary>
    private async Task<List<LedgerEntry>> MissingAsync(string memberId, long beforeSequence, long after)
    {
        var day = Key.Day;
        var missing = await LedgerCatchUp.MissingAsync(GrainFactory, memberId, beforeSequence, after, e => DayOf(e) < day);
        var ofDay = missing.Where(e => DayOf(e) == day).ToList();
        return await LedgerCatchUp.WhileMemberOfAsync(GrainFactory, memberId, ofDay, p => p.BranchId == Key.BranchId);
    }

    private DateOnly DayOf(LedgerEntry entry) => ParkClock.DayOf(entry.CreatedAt, _timeZone);

    private async Task EnsureBranchAsync()
    {
        if (_branch is null)
        {
            _branch = await GrainFactory.GetGrain<IBranchGrainInternal>(Key.BranchId).GetInfoAsync();
            _timeZone = (await GrainFactory.GetGrain<IParkGrainInternal>(_branch.ParkId).GetInfoAsync()).TimeZone;
        }
    }

    private async Task SnapshotAsync(CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            _dirty = false;
            await SaveAsync(state);
        }
    }
}
