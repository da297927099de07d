using Microsoft.Extensions.Options;

namespace Engagement;

[GrainType("audit")]
public sealed class AuditGrain(
    [PersistentState("audit", StorageNames.Main)] IPersistentState<AuditState> state,
    DomainClock clock,
    IOptions<IdempotencyOptions> idempotency) : EngagementGrain, IAuditGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Rows written before the time window kept the last 256 keys; they move into the log (stamped now, so they
        // are kept a whole window) and are stored with the next append.
        if (state.State.RecentKeys.Count > 0)
        {
            var now = clock.UtcNow;
            state.State.Appended.Recent.InsertRange(0, state.State.RecentKeys.Select(k => new IdempotentWrite<AuditRecord>(k, null, now, null)));
            state.State.RecentKeys.Clear();
        }

        return base.OnActivateAsync(cancellationToken);
    }

    public async Task AppendAsync(AuditRecord record, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var appended = new Idempotency<AuditRecord>(state.State.Appended, $"audit/{this.GetPrimaryKeyString()}", GrainFactory,
            idempotency.Value.Window, clock.UtcNow);
        if (await appended.FindAsync(idempotencyKey, null) is not null)
        {
            return;
        }

        // The page ignores a key it already holds, so a crash between these two writes is repaired by the retry.
        await Page(state.State.Count / AuditPaging.PageSize).AddAsync(record, idempotencyKey, cancellationToken);
        state.State.Count++;
        await appended.RecordAsync(idempotencyKey, null, record);
        await SaveAsync(state);
    }

    public async Task<AuditSlice> ListPageAsync(AuditCursor? from, int count, string? branchId, CancellationToken cancellationToken = default)
    {
        var month = AuditTrail.MonthOf(this.GetPrimaryKeyString());
        var records = new List<AuditRecord>();
        var (page, position) = from is null ? (0L, 0) : (from.Page, from.Position);
        for (; page * AuditPaging.PageSize < state.State.Count; page++, position = 0)
        {
            var onPage = await Page(page).ListAsync(cancellationToken);
            for (; position < onPage.Count; position++)
            {
                if (branchId is not null && onPage[position].BranchId != branchId)
                {
                    continue;
                }

                // One match past the page says whether there is a next one, so the last page has no token.
                if (records.Count >= count)
                {
                    return new AuditSlice(month, records, new AuditCursor(page, position));
                }

                records.Add(onPage[position]);
            }
        }

        return new AuditSlice(month, records, null);
    }

    private IAuditPageGrain Page(long page) => GrainFactory.GetGrain<IAuditPageGrain>($"{this.GetPrimaryKeyString()}/{page}");
}
