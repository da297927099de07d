namespace Engagement;

[GrainType("ledger-page")]
public sealed class LedgerPageGrain(
    [PersistentState("ledger-page", StorageNames.Main)] IPersistentState<LedgerPageState> state) : EngagementGrain, ILedgerPageGrain
{
    public async Task SealAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default)
    {
        state.State.Entries = [.. entries];
        await SaveAsync(state);
    }

    [ReadOnly]
    public Task<IReadOnlyList<LedgerEntry>> ReadAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LedgerEntry>>(state.State.Entries);
}
