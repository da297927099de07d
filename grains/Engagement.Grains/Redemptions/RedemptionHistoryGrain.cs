namespace Engagement;

/// <summary>
/// A member's redemptions, or a counter's day. Reentrant: a counter's day is listed to by every redemption of its
/// merchant that day, so records arriving together change the list without an await and share one write
/// (<see cref="CoalescedWrites{T}"/>); each is answered after the write that carries it, and a page is read only once
/// everything it may show is durable.
/// </summary>
[GrainType("redemption-history")]
[Reentrant]
public sealed class RedemptionHistoryGrain(
    [PersistentState("redemption-history", StorageNames.Main)] IPersistentState<RedemptionHistoryState> state,
    DomainClock clock) : EngagementGrain, IRedemptionHistoryGrain, IRedemptionHistoryGrainInternal
{
    private CoalescedWrites<RedemptionHistoryState>? _writes;

    private List<RedemptionHistoryEntry> Entries => state.State.Entries;

    private CoalescedWrites<RedemptionHistoryState> Writes => _writes ??= new(this, state);

    public async Task RecordAsync(RedemptionView view, CancellationToken cancellationToken = default)
    {
        var listed = view with { Code = null, QrPayload = null };
        var existing = Entries.FindLastIndex(e => e.View.RedemptionId == view.RedemptionId);
        if (existing >= 0)
        {
            if (Entries[existing].View.Version >= listed.Version)
            {
                await Writes.DurableAsync();
                return;
            }

            Entries[existing].View = listed;
        }
        else
        {
            Entries.Add(new RedemptionHistoryEntry { Sequence = Entries.Count == 0 ? 1 : Entries[^1].Sequence + 1, View = listed });
        }

        await Writes.SaveAsync();
    }

    public async Task<RedemptionPage> ListAsync(Caller caller, RedemptionStatus? status, long? before, int pageSize, CancellationToken cancellationToken = default)
    {
        var key = this.GetPrimaryKeyString();
        if (key.StartsWith("member:", StringComparison.Ordinal))
        {
            Caller.Demand(caller.Has(Role.Member, key["member:".Length..]), "read another member's redemptions");
        }
        else
        {
            var merchantId = key["merchant:".Length..key.LastIndexOf(':')];
            await GrainFactory.GetGrain<IMerchantGrainInternal>(merchantId).DemandStaffAsync(caller, "read this merchant's counter", cancellationToken);
        }

        await Writes.DurableAsync();
        // Sequences only grow, so "before the last one shown" neither repeats nor skips anything, even while new
        // redemptions are listed between two pages.
        var page = new List<RedemptionView>(pageSize);
        var now = clock.UtcNow;
        long last = 0;
        for (var i = Entries.Count - 1; i >= 0; i--)
        {
            var entry = Entries[i];
            var view = Current(entry.View, now);
            if (before is { } cursor && entry.Sequence >= cursor || status is { } wanted && view.Status != wanted)
            {
                continue;
            }

            if (page.Count == pageSize)
            {
                return new RedemptionPage(page, last);
            }

            page.Add(view);
            last = entry.Sequence;
        }

        return new RedemptionPage(page, null);
    }

    /// <summary>
    /// A pending code past its expiry can no longer be confirmed (the counter expires it first), so it is listed as
    /// expired even before the redemption's reminder has recorded that.
    /// </summary>
    private static RedemptionView Current(RedemptionView view, DateTimeOffset now) =>
        view.Status == RedemptionStatus.Pending && now >= view.ExpiresAt ? view with { Status = RedemptionStatus.Expired } : view;
}
