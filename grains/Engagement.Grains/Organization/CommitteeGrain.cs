using Microsoft.Extensions.Options;

namespace Engagement;

[GrainType("committee")]
public sealed class CommitteeGrain(
    [PersistentState("committee", StorageNames.Main)] IPersistentState<EntityState<CommitteeInfo>> state,
    [PersistentState("committee-branches", StorageNames.Main)] IPersistentState<RosterState> branches,
    [PersistentState("committee-rules", StorageNames.Main)] IPersistentState<RuleBookState> rules,
    DomainClock clock,
    IOptions<IdempotencyOptions> idempotency) : EngagementGrain, ICommitteeGrain, ICommitteeGrainInternal
{
    private string CommitteeId => this.GetPrimaryKeyString();

    private IParkGrainInternal Park(CommitteeInfo committee) => GrainFactory.GetGrain<IParkGrainInternal>(committee.ParkId);

    public async Task<CommitteeInfo> CreateAsync(Caller caller, string parkId, string name, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        await GrainFactory.GetGrain<IParkGrainInternal>(parkId).GetInfoAsync(cancellationToken);
        await GrainFactory.DemandAsync(caller, caller.Has(Role.ParkAdmin, parkId), parkId, "create committees in this park", () => Missing.Park(parkId), cancellationToken);
        var request = RequestHash.Of(parkId, name);
        if (CreateOnce.Existing(state, idempotencyKey, request, c => c.ParkId == parkId, ErrorReasons.CommitteeExists, $"Committee '{CommitteeId}'") is not { } info)
        {
            info = new CommitteeInfo(CommitteeId, parkId, name, clock.UtcNow);
            CreateOnce.Create(state, info, idempotencyKey, request);
            await SaveAsync(state);
        }

        await Park(info).AddCommitteeAsync(CommitteeId, cancellationToken);
        // Also on a retry: the audit record may be what a crash lost (one per key).
        var park = await Park(info).GetInfoAsync(cancellationToken);
        await AuditTrail.AppendAsync(GrainFactory, park.TimeZone, new AuditRecord(info.CreatedAt, caller.Subject, "create-committee", CommitteeId, info.Name, parkId, null), idempotencyKey);
        return info;
    }

    public Task<CommitteeInfo> GetInfoAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Info ?? throw Missing.Committee(CommitteeId));

    public Task AddBranchAsync(string branchId, CancellationToken cancellationToken = default) => Roster.AddAsync(this, branches, branchId);

    public Task<IReadOnlyList<string>> ListBranchesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(branches.State.Ids);

    public async Task<PointsRules> GetRulesAsync(DateTimeOffset at, CancellationToken cancellationToken = default) =>
        RuleBook.InForce(rules.State, at)?.Rules ?? await Park(await GetInfoAsync(cancellationToken)).GetRulesAsync(at, cancellationToken);

    public async Task<RuleSchedule> GetRuleScheduleAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var committee = await GetInfoAsync(cancellationToken);
        await DemandAsync(caller, committee, caller.Has(Role.ParkAdmin, committee.ParkId) || caller.Has(Role.CommitteeLeader, CommitteeId),
            "read this committee's rules", cancellationToken);
        return await ScheduleAsync(cancellationToken);
    }

    public async Task<RuleSchedule> SetRulesAsync(Caller caller, PointsRules? newRules, DateTimeOffset? effectiveFrom, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var committee = await GetInfoAsync(cancellationToken);
        await DemandAsync(caller, committee, caller.Has(Role.ParkAdmin, committee.ParkId), "change this committee's rules", cancellationToken);
        var now = clock.UtcNow;
        var (version, replayed) = await RuleBook.ScheduleOnceAsync(rules.State,
            new Idempotency<RuleVersion>(rules.State.Changes, $"committee-rules/{CommitteeId}", GrainFactory, idempotency.Value.Window, now),
            newRules, effectiveFrom, now, caller.Subject, idempotencyKey);
        if (!replayed)
        {
            await SaveAsync(rules);
        }

        var park = await Park(committee).GetInfoAsync(cancellationToken);
        await AuditTrail.AppendAsync(GrainFactory, park.TimeZone, new AuditRecord(version.ChangedAt, caller.Subject, "set-committee-rules", CommitteeId,
            $"effective {version.EffectiveFrom:O}: {(newRules is null ? "park rules" : newRules.ToString())}", committee.ParkId, null), idempotencyKey);
        return await ScheduleAsync(cancellationToken);
    }

    private Task DemandAsync(Caller caller, CommitteeInfo committee, bool allowed, string action, CancellationToken cancellationToken) =>
        GrainFactory.DemandAsync(caller, allowed, committee.ParkId, action, () => Missing.Committee(CommitteeId), cancellationToken);

    private async Task<RuleSchedule> ScheduleAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var own = RuleBook.InForce(rules.State, now)?.Rules;
        return new RuleSchedule(own ?? await GetRulesAsync(now, cancellationToken), rules.State.Versions, Inherited: own is null);
    }
}
