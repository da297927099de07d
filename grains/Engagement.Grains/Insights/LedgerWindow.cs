namespace Engagement;

/// <summary>
/// The newest part of one member's ledger, held in memory by the member's insights grain: every entry created at or
/// after <see cref="_coveredFrom"/>, up to the newest one read. A request first reads only the entries written since
/// the last one (by sequence), then, if its period starts earlier than what is held, reads further back — newest
/// first, stopping at the first entry older than the period. The whole ledger is never read.
/// </summary>
internal sealed class LedgerWindow
{
    private const int Batch = 64;

    /// <summary>Oldest first; sequences contiguous.</summary>
    private readonly List<LedgerEntry> _entries = [];

    private DateTimeOffset _coveredFrom = DateTimeOffset.MaxValue;

    private bool _reachedStart;

    /// <summary>How many entries the window holds (for tests and logs).</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// Every entry created at or after <paramref name="from"/>, oldest first. Entries older than
    /// <paramref name="keepFrom"/> (no period may reach them) are dropped from memory.
    /// </summary>
    public async Task<IReadOnlyList<LedgerEntry>> ReadAsync(IMemberGrainInternal member, DateTimeOffset from, DateTimeOffset keepFrom, CancellationToken cancellationToken)
    {
        var last = await member.GetLastSequenceAsync(cancellationToken);
        if (_entries.Count == 0)
        {
            // Nothing held yet: everything from the newest entry back to the period is "older".
            await ReadOlderAsync(member, last + 1, from, cancellationToken);
        }
        else
        {
            await ReadNewerAsync(member, last, cancellationToken);
            if (from < _coveredFrom && !_reachedStart)
            {
                await ReadOlderAsync(member, _entries[0].Sequence, from, cancellationToken);
            }
        }

        Trim(keepFrom);
        return [.. _entries.Where(e => e.CreatedAt >= from)];
    }

    /// <summary>Reads the entries after the newest one held, up to <paramref name="last"/>.</summary>
    private async Task ReadNewerAsync(IMemberGrainInternal member, long last, CancellationToken cancellationToken)
    {
        var held = _entries[^1].Sequence;
        var newer = new List<LedgerEntry>();
        var before = last + 1;
        while (before > held + 1)
        {
            var slice = await member.ReadLedgerAsync((int)Math.Min(Batch, before - held - 1), before, cancellationToken);
            newer.AddRange(slice.Entries.Where(e => e.Sequence > held));
            if (slice.NextBefore is not { } next || slice.Entries.Count == 0)
            {
                break;
            }

            before = next;
        }

        newer.Reverse();
        _entries.AddRange(newer);
    }

    /// <summary>Reads entries below sequence <paramref name="before"/>, newest first, until one is older than <paramref name="from"/>.</summary>
    private async Task ReadOlderAsync(IMemberGrainInternal member, long before, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var older = new List<LedgerEntry>();
        var done = false;
        while (!done && before > 1)
        {
            var slice = await member.ReadLedgerAsync(Batch, before, cancellationToken);
            older.AddRange(slice.Entries);
            done = slice.Entries.Count == 0 || slice.Entries[^1].CreatedAt < from;
            if (slice.NextBefore is not { } next)
            {
                _reachedStart = true;
                break;
            }

            before = next;
        }

        _reachedStart |= before <= 1;
        older.Reverse();
        _entries.InsertRange(0, older);
        _coveredFrom = from;
    }

    /// <summary>Forgets entries older than <paramref name="keepFrom"/>; what is held still starts at a known instant.</summary>
    private void Trim(DateTimeOffset keepFrom)
    {
        var drop = _entries.FindIndex(e => e.CreatedAt >= keepFrom);
        drop = drop < 0 ? _entries.Count : drop;
        if (drop == 0)
        {
            return;
        }

        _entries.RemoveRange(0, drop);
        _reachedStart = false;
        if (_coveredFrom < keepFrom)
        {
            _coveredFrom = keepFrom;
        }
    }
}
