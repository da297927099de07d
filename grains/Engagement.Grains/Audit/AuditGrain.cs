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

    public async Task<IReadOnlyList<AuditRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        var records = new List<AuditRecord>();
        for (long page = 0; page * AuditPaging.PageSize < state.State.Count; page++)
        {
            records.AddRange(await Page(page).ListAsync(cancellationToken));
        }

        return records;
    }

    private IAuditPageGrain Page(long page) => GrainFactory.GetGrain<IAuditPageGrain>($"{this.GetPrimaryKeyString()}/{page}");
}
