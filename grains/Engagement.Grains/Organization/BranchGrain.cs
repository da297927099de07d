namespace Engagement;

[GrainType("branch")]
public sealed class BranchGrain(
    [PersistentState("branch", StorageNames.Main)] IPersistentState<EntityState<BranchInfo>> state,
    [PersistentState("branch-members", StorageNames.Main)] IPersistentState<RosterState> members,
    [PersistentState("branch-departures", StorageNames.Main)] IPersistentState<DeparturesState> departures,
    DomainClock clock) : EngagementGrain, IBranchGrain, IBranchGrainInternal
{
    private string BranchId => this.GetPrimaryKeyString();

    public async Task<BranchInfo> CreateAsync(Caller caller, string committeeId, string name, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var committee = await GrainFactory.GetGrain<ICommitteeGrainInternal>(committeeId).GetInfoAsync(cancellationToken);
        await GrainFactory.DemandAsync(caller, caller.Has(Role.ParkAdmin, committee.ParkId), committee.ParkId, "create branches in this park",
            () => Missing.Committee(committeeId), cancellationToken);
        var request = RequestHash.Of(committeeId, name);
        if (CreateOnce.Existing(state, idempotencyKey, request, b => b.CommitteeId == committeeId, ErrorReasons.BranchExists, $"Branch '{BranchId}'") is not { } info)
        {
            info = new BranchInfo(BranchId, committeeId, committee.ParkId, name, clock.UtcNow);
            CreateOnce.Create(state, info, idempotencyKey, request);
            await SaveAsync(state);
        }

        await GrainFactory.GetGrain<ICommitteeGrainInternal>(info.CommitteeId).AddBranchAsync(BranchId, cancellationToken);
        // Also on a retry: the audit record may be what a crash lost (one per key).
        var park = await GrainFactory.GetGrain<IParkGrainInternal>(info.ParkId).GetInfoAsync(cancellationToken);
        await AuditTrail.AppendAsync(GrainFactory, park.TimeZone, new AuditRecord(info.CreatedAt, caller.Subject, "create-branch", BranchId,
            $"{info.Name} ({info.CommitteeId})", info.ParkId, BranchId), idempotencyKey);
        return info;
    }

    public Task<BranchInfo> GetInfoAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Info ?? throw Missing.Branch(BranchId));

    public Task AddMemberAsync(string memberId, CancellationToken cancellationToken = default) => Roster.AddAsync(this, members, memberId);

    public async Task RemoveMemberAsync(string memberId, CancellationToken cancellationToken = default)
    {
        if (!members.State.Ids.Contains(memberId, StringComparer.Ordinal))
        {
            return;
        }

        // The departure first: a crash between the two leaves the member listed twice, never nowhere.
        departures.State.Record(memberId, clock.UtcNow);
        await SaveAsync(departures);
        await Roster.RemoveAsync(this, members, memberId);
    }

    public Task<IReadOnlyList<string>> ListMembersSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([.. members.State.Ids.Union(departures.State.Since(since), StringComparer.Ordinal)]);

    public Task<IReadOnlyList<string>> ListMembersAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(members.State.Ids);

    public Task<int> CountMembersAsync(CancellationToken cancellationToken = default) => Task.FromResult(members.State.Ids.Count);
}
