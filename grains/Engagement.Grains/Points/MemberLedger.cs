namespace Engagement;

/// <summary>
/// The ledger of one member over its state: appends to the tail, seals full tails into page grains and pages
/// backwards through them. The caller persists the member state after an append; until then nothing is acknowledged.
/// </summary>
internal sealed class MemberLedger(string memberId, MemberState state, IGrainFactory grains)
{
    /// <summary>Appends one entry and moves the balance. Seals the tail first when it is full (one extra write).</summary>
    public async Task<LedgerEntry> AppendAsync(long amount, LedgerEntryKind kind, string reference, string idempotencyKey, DateTimeOffset now)
    {
        if (state.Tail.Count >= LedgerPaging.PageSize)
        {
            // Idempotent: if the member's own write below is lost, the next append seals the same entries again.
            await Page(state.SealedPages).SealAsync(state.Tail);
            state.SealedPages++;
            state.Tail = [];
        }

        state.Balance += amount;
        state.LastSequence++;
        var entry = new LedgerEntry(memberId, state.LastSequence, amount, kind, reference, idempotencyKey, now, state.Balance);
        state.Tail.Add(entry);
        return entry;
    }

    /// <summary>
    /// The sequence of the newest ranked entry (<see cref="ActivityLedger.IsRanked"/>) before sequence
    /// <paramref name="before"/>: 0 when there is none, null when the tail does not reach back far enough to say
    /// (the boards then read back).
    /// </summary>
    public long? PreviousRanked(long before)
    {
        for (var i = state.Tail.Count - 1; i >= 0; i--)
        {
            if (state.Tail[i].Sequence < before && ActivityLedger.IsRanked(state.Tail[i].Kind))
            {
                return state.Tail[i].Sequence;
            }
        }

        return state.SealedPages == 0 ? 0 : null;
    }

    /// <summary>Up to <paramref name="count"/> entries older than <paramref name="before"/>, newest first.</summary>
    public async Task<LedgerSlice> ListAsync(int count, long? before)
    {
        var from = Math.Min(before ?? long.MaxValue, state.LastSequence + 1) - 1;
        var entries = new List<LedgerEntry>(count);
        var sequence = from;
        while (entries.Count < count && sequence >= 1)
        {
            var page = LedgerPaging.PageOf(sequence);
            var source = page >= state.SealedPages ? state.Tail : await Page(page).ReadAsync();
            var firstOnPage = page * LedgerPaging.PageSize + 1;
            for (; sequence >= firstOnPage && entries.Count < count; sequence--)
            {
                entries.Add(source[(int)(sequence - source[0].Sequence)]);
            }
        }

        return new LedgerSlice(entries, sequence >= 1 ? sequence + 1 : null);
    }

    private ILedgerPageGrain Page(long page) => grains.GetGrain<ILedgerPageGrain>(LedgerPaging.PageKey(memberId, page));
}
