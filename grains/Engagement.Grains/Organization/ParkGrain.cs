namespace Engagement;

[GrainType("park")]
public sealed class ParkGrain(
    [PersistentState("park", StorageNames.Main)] IPersistentState<EntityState<ParkInfo>> state,
    DomainClock clock) : EngagementGrain, IParkGrain
{
    private string ParkId => this.GetPrimaryKeyString();

    public async Task<ParkInfo> CreateAsync(Caller caller, string name, string timeZone, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Caller.Demand(caller.Has(Role.ParkAdmin, ParkId), "create this park");
        if (CreateOnce.Existing(state, idempotencyKey, ErrorReasons.ParkExists, $"Park '{ParkId}'") is { } existing)
        {
            return existing;
        }

        var info = new ParkInfo(ParkId, name, timeZone, clock.UtcNow);
        state.State = new EntityState<ParkInfo> { Info = info, CreationKey = idempotencyKey };
        await SaveAsync(state);
        return info;
    }

    public Task<ParkInfo> GetAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        Caller.Demand(caller.Has(Role.ParkAdmin, ParkId), "read this park");
        return GetInfoAsync(cancellationToken);
    }

    public Task<ParkInfo> GetInfoAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(CreateOnce.NotFoundUnlessCreated(state, ErrorReasons.ParkNotFound, $"Park '{ParkId}'"));
}
