namespace Engagement;

[GrainType("idempotency-page")]
public sealed class IdempotencyPageGrain(
    [PersistentState("idempotency-page", StorageNames.Main)] IPersistentState<IdempotencyPageState> state) : EngagementGrain, IIdempotencyPageGrain
{
    public async Task SealAsync(IReadOnlyList<SealedWrite> writes, CancellationToken cancellationToken = default)
    {
        state.State.Writes = [.. writes];
        await SaveAsync(state);
    }

    [ReadOnly]
    public Task<SealedWrite?> FindAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Writes.FirstOrDefault(w => string.Equals(w.Key, key, StringComparison.Ordinal)));

    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        if (state.RecordExists)
        {
            await state.ClearStateAsync(cancellationToken);
        }
    }
}
