namespace Engagement;

[GrainType("audit")]
public sealed class AuditGrain(
    [PersistentState("audit", StorageNames.Main)] IPersistentState<AuditState> state) : EngagementGrain, IAuditGrain
{
    private const int RememberedKeys = 256;

    public async Task AppendAsync(AuditRecord record, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        if (state.State.RecentKeys.Contains(idempotencyKey, StringComparer.Ordinal))
        {
            return;
        }

        // The page ignores a key it already holds, so a crash between these two writes is repaired by the retry.
        await Page(state.State.Count / AuditPaging.PageSize).AddAsync(record, idempotencyKey, cancellationToken);
        state.State.Count++;
        state.State.RecentKeys.Add(idempotencyKey);
        if (state.State.RecentKeys.Count > RememberedKeys)
        {
            state.State.RecentKeys.RemoveAt(0);
        }

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
