namespace Engagement;

[GrainType("committee")]
public sealed class CommitteeGrain(
    [PersistentState("committee", StorageNames.Main)] IPersistentState<EntityState<CommitteeInfo>> state,
    DomainClock clock) : EngagementGrain, ICommitteeGrain
{
    private string CommitteeId => this.GetPrimaryKeyString();

    public async Task<CommitteeInfo> CreateAsync(Caller caller, string parkId, string name, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Caller.Demand(caller.Has(Role.ParkAdmin, parkId), "create committees in this park");
        if (CreateOnce.Existing(state, idempotencyKey, ErrorReasons.CommitteeExists, $"Committee '{CommitteeId}'") is { } existing)
        {
            return existing;
        }

        await GrainFactory.GetGrain<IParkGrain>(parkId).GetInfoAsync(cancellationToken);
        var info = new CommitteeInfo(CommitteeId, parkId, name, clock.UtcNow);
        state.State = new EntityState<CommitteeInfo> { Info = info, CreationKey = idempotencyKey };
        await SaveAsync(state);
        return info;
    }

    public Task<CommitteeInfo> GetInfoAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(CreateOnce.NotFoundUnlessCreated(state, ErrorReasons.CommitteeNotFound, $"Committee '{CommitteeId}'"));
}
