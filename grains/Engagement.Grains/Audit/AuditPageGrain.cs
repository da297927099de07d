namespace Engagement;

[GrainType("audit-page")]
public sealed class AuditPageGrain(
    [PersistentState("audit-page", StorageNames.Main)] IPersistentState<AuditPageState> state) : EngagementGrain, IAuditPageGrain
{
    public async Task AddAsync(AuditRecord record, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        if (state.State.Keys.Contains(idempotencyKey, StringComparer.Ordinal))
        {
            return;
        }

        state.State.Records.Add(record);
        state.State.Keys.Add(idempotencyKey);
        await SaveAsync(state);
    }

    public Task<IReadOnlyList<AuditRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AuditRecord>>(state.State.Records);
}
