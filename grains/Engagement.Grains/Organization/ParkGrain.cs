using Microsoft.Extensions.Options;

namespace Engagement;

[GrainType("park")]
public sealed class ParkGrain(
    [PersistentState("park", StorageNames.Main)] IPersistentState<EntityState<ParkInfo>> state,
    [PersistentState("park-committees", StorageNames.Main)] IPersistentState<RosterState> committees,
    [PersistentState("park-rules", StorageNames.Main)] IPersistentState<RuleBookState> rules,
    [PersistentState("park-merchants", StorageNames.Main)] IPersistentState<RosterState> merchants,
    DomainClock clock,
    IOptions<IdempotencyOptions> idempotency) : EngagementGrain, IParkGrain, IParkGrainInternal
{
    private string ParkId => this.GetPrimaryKeyString();

    public async Task<ParkInfo> CreateAsync(Caller caller, string name, string timeZone, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Caller.Demand(caller.Has(Role.ParkAdmin, ParkId), "create this park");
        var request = RequestHash.Of(name, timeZone);
        if (CreateOnce.Existing(state, idempotencyKey, request, _ => true, ErrorReasons.ParkExists, $"Park '{ParkId}'") is { } existing)
        {
            return existing;
        }

        var info = new ParkInfo(ParkId, name, timeZone, clock.UtcNow);
        CreateOnce.Create(state, info, idempotencyKey, request);
        await SaveAsync(state);
        return info;
    }

    public async Task<ParkInfo> GetAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var park = await GetInfoAsync(cancellationToken);
        await GrainFactory.RequireInParkAsync(caller, ParkId, () => Missing.Park(ParkId), cancellationToken);
        return park;
    }

    public Task<ParkInfo> GetInfoAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Info ?? throw Missing.Park(ParkId));

    public Task AddCommitteeAsync(string committeeId, CancellationToken cancellationToken = default) => Roster.AddAsync(this, committees, committeeId);

    public Task<IReadOnlyList<string>> ListCommitteesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(committees.State.Ids);

    public Task AddMerchantAsync(string merchantId, CancellationToken cancellationToken = default) => Roster.AddAsync(this, merchants, merchantId);

    public Task<IReadOnlyList<string>> ListMerchantsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(merchants.State.Ids);

    public async Task<IReadOnlyList<string>> BrowseMerchantsAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await GetInfoAsync(cancellationToken);
        var allowed = caller.Has(Role.ParkAdmin, ParkId) || (await GrainFactory.CallingMemberAsync(caller, cancellationToken))?.ParkId == ParkId;
        await DemandAsync(caller, allowed, "browse this park's merchants", cancellationToken);
        return merchants.State.Ids;
    }

    public Task<PointsRules> GetRulesAsync(DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Task.FromResult(RuleBook.InForce(rules.State, at)?.Rules ?? PointsRules.Default);

    public async Task<RuleSchedule> GetRuleScheduleAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await GetInfoAsync(cancellationToken);
        await DemandAsync(caller, caller.Has(Role.ParkAdmin, ParkId), "read this park's rules", cancellationToken);
        return Schedule();
    }

    public async Task<RuleSchedule> SetRulesAsync(Caller caller, PointsRules newRules, DateTimeOffset? effectiveFrom, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var park = await GetInfoAsync(cancellationToken);
        await DemandAsync(caller, caller.Has(Role.ParkAdmin, ParkId), "change this park's rules", cancellationToken);
        var now = clock.UtcNow;
        var (version, replayed) = await RuleBook.ScheduleOnceAsync(rules.State,
            new Idempotency<RuleVersion>(rules.State.Changes, $"park-rules/{ParkId}", GrainFactory, idempotency.Value.Window, now),
            newRules, effectiveFrom, now, caller.Subject, idempotencyKey);
        if (!replayed)
        {
            await SaveAsync(rules);
        }

        await AuditTrail.AppendAsync(GrainFactory, park.TimeZone,
            new AuditRecord(version.ChangedAt, caller.Subject, "set-park-rules", ParkId, $"effective {version.EffectiveFrom:O}: {newRules}", ParkId, null), idempotencyKey);
        return Schedule();
    }

    public async Task<AuditSlice> ListAuditAsync(Caller caller, DateOnly? month, string? branchId, AuditCursor? from = null, int count = int.MaxValue,
        CancellationToken cancellationToken = default)
    {
        var park = await GetInfoAsync(cancellationToken);
        var admin = caller.Has(Role.ParkAdmin, ParkId);
        if (!admin)
        {
            await GrainFactory.RequireInParkAsync(caller, ParkId, () => Missing.Park(ParkId), cancellationToken);
        }

        // A branch of another park is as unknown here as a branch that does not exist.
        if (branchId is not null && (await GrainFactory.GetGrain<IBranchGrainInternal>(branchId).GetInfoAsync(cancellationToken)).ParkId != ParkId)
        {
            throw Missing.Branch(branchId);
        }

        Caller.Demand(admin || caller.Has(Role.Secretary, branchId), "read this audit trail");
        return await GrainFactory.GetGrain<IAuditGrain>(AuditTrail.Key(ParkId, month ?? ParkClock.DayOf(clock.UtcNow, park.TimeZone)))
            .ListPageAsync(from, count, branchId, cancellationToken);
    }

    /// <summary>Refuses callers of this park with PERMISSION_DENIED, anyone else as if the park did not exist.</summary>
    private Task DemandAsync(Caller caller, bool allowed, string action, CancellationToken cancellationToken) =>
        GrainFactory.DemandAsync(caller, allowed, ParkId, action, () => Missing.Park(ParkId), cancellationToken);

    private RuleSchedule Schedule() =>
        new(RuleBook.InForce(rules.State, clock.UtcNow)?.Rules ?? PointsRules.Default, rules.State.Versions, Inherited: false);
}
