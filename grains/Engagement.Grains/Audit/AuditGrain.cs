namespace Engagement;

[GrainType("audit")]
public sealed class AuditGrain(
    [PersistentState("audit", StorageNames.Main)] IPersistentState<AuditState> state) : EngagementGrain, IAuditGrain
{
    public async Task AppendAsync(AuditRecord record, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        if (!state.State.Keys.Add(idempotencyKey))
        {
            return;
        }

        state.State.Records.Add(record);
        await SaveAsync(state);
    }

    public Task<IReadOnlyList<AuditRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AuditRecord>>(state.State.Records);
}
