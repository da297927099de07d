using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Engagement;

/// <summary>A merchant: staff and catalogue here; stock moves and settlement in MerchantGrain.Stock.cs.</summary>
[GrainType("merchant")]
public sealed partial class MerchantGrain(
    [PersistentState("merchant", StorageNames.Main)] IPersistentState<MerchantState> state,
    DomainClock clock,
    IOptions<RedemptionOptions> options,
    IOptions<IdempotencyOptions> idempotency,
    ILogger<MerchantGrain> logger) : EngagementGrain, IMerchantGrain, IMerchantGrainInternal
{
    private readonly Queue<DateTimeOffset> _merchantValidations = new();

    /// <summary>Every write of the merchant's row: stock moves of different redemptions interleave and share writes.</summary>
    private CoalescedWrites<MerchantState>? _writes;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _staffValidations = new(StringComparer.Ordinal);

    private string MerchantId => this.GetPrimaryKeyString();

    private MerchantState S => state.State;

    private CoalescedWrites<MerchantState> Writes => _writes ??= new(this, state);

    public async Task<MerchantInfo> CreateAsync(Caller caller, string parkId, string name, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var park = await GrainFactory.GetGrain<IParkGrainInternal>(parkId).GetInfoAsync(cancellationToken);
        await GrainFactory.DemandAsync(caller, caller.Has(Role.ParkAdmin, parkId), parkId, "register merchants in this park", () => Missing.Park(parkId), cancellationToken);
        var request = RequestHash.Of(parkId, name);
        if (S.Info is null)
        {
            S.Info = new MerchantInfo(MerchantId, parkId, name, clock.UtcNow, []);
            S.CreationKey = idempotencyKey;
            S.CreationHash = request;
            S.TimeZone = park.TimeZone;
            await Writes.SaveAsync();
        }
        else if (!CreateOnce.IsRetry(S.CreationKey, S.CreationHash, idempotencyKey, request) || S.Info.ParkId != parkId)
        {
            // Another park's admin (or another request) learns nothing about the merchant, its staff least of all.
            throw EngagementException.AlreadyExists(ErrorReasons.MerchantExists, $"Merchant '{MerchantId}' already exists.");
        }

        await GrainFactory.GetGrain<IParkGrainInternal>(S.Info.ParkId).AddMerchantAsync(MerchantId, cancellationToken);
        await AuditTrail.AppendAsync(GrainFactory, S.TimeZone, new AuditRecord(S.Info.CreatedAt, caller.Subject, "create-merchant", MerchantId,
            S.Info.Name, S.Info.ParkId, null), idempotencyKey);
        return S.Info;
    }

    public Task<MerchantInfo> AddStaffAsync(Caller caller, StaffMember staff, string idempotencyKey, CancellationToken cancellationToken = default) =>
        ChangeStaffAsync(caller, "add", idempotencyKey, RequestHash.Of(staff), list => [.. list.Where(s => s.Subject != staff.Subject), staff],
            "add-merchant-staff", $"staff {staff.Subject} ({staff.DisplayName})");

    public Task<MerchantInfo> RemoveStaffAsync(Caller caller, string subject, string idempotencyKey, CancellationToken cancellationToken = default) =>
        ChangeStaffAsync(caller, "remove", idempotencyKey, RequestHash.Of(subject), list => [.. list.Where(s => s.Subject != subject)],
            "remove-merchant-staff", $"staff {subject}");

    public async Task<CatalogItem> UpsertItemAsync(Caller caller, ItemSpec spec, long initialStock, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        await DemandStaffOrAdminAsync(caller, "edit this catalogue");
        var now = clock.UtcNow;
        var edits = new Idempotency<CatalogItem>(S.ItemEdits, $"merchant-items/{MerchantId}", GrainFactory, idempotency.Value.Window, now);
        var audits = new Idempotency<AuditRecord>(S.ItemEditAudits, $"merchant-item-audits/{MerchantId}", GrainFactory, idempotency.Value.Window, now);
        var request = RequestHash.Of(spec, initialStock);
        if (await edits.FindAsync(idempotencyKey, request) is { Result: { } first } write)
        {
            // Also on a retry: the audit record may be what a crash lost. Edits made before records were kept say so.
            var recorded = (await audits.FindAsync(idempotencyKey, null))?.Result
                ?? ItemAudit(caller, write.At, first.Spec, "what changed was not recorded");
            await AuditTrail.AppendAsync(GrainFactory, S.TimeZone, recorded, idempotencyKey);
            return first;
        }

        var existing = S.Items.GetValueOrDefault(spec.ItemId);
        S.Items[spec.ItemId] = existing is not null
            ? existing with { Spec = spec }
            : new CatalogItem(MerchantId, spec, initialStock, 0, 0);
        var audit = ItemAudit(caller, now, spec, existing is null ? $"created with {initialStock} in stock" : CatalogChanges.Describe(existing.Spec, spec));
        await edits.RecordAsync(idempotencyKey, request, S.Items[spec.ItemId]);
        await audits.RecordAsync(idempotencyKey, null, audit);
        await Writes.SaveAsync();
        await AuditTrail.AppendAsync(GrainFactory, S.TimeZone, audit, idempotencyKey);
        return S.Items[spec.ItemId];
    }

    public async Task<CatalogItem> RestockAsync(Caller caller, string itemId, long delta, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        await DemandStaffOrAdminAsync(caller, "restock this catalogue");
        RequireItem(itemId);
        var moves = Moves();
        var request = RequestHash.Of(itemId, delta);
        var first = await moves.FindAsync($"restock:{idempotencyKey}", request);
        // Read after the await: redemptions' stock moves interleave with this call.
        var item = RequireItem(itemId);
        if (first is not null)
        {
            // Also on a retry: the audit record may be what a crash lost (moves kept from before the log have no result
            // and predate the audit of restocks).
            if (first.Result is { } restocked)
            {
                await AuditRestockAsync(caller, first.At, delta, restocked, idempotencyKey);
            }

            return first.Result ?? item;
        }

        if (item.Available + delta < 0)
        {
            throw EngagementException.FailedPrecondition(ErrorReasons.OutOfStock, $"Only {item.Available} unit(s) are available to remove.")
                .With("availableUnits", item.Available);
        }

        var now = clock.UtcNow;
        S.Items[itemId] = item with { Available = item.Available + delta };
        await moves.RecordAsync($"restock:{idempotencyKey}", request, S.Items[itemId]);
        await Writes.SaveAsync();
        await AuditRestockAsync(caller, now, delta, S.Items[itemId], idempotencyKey);
        return S.Items[itemId];
    }

    public async Task<IReadOnlyList<CatalogItem>> ListCatalogAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var info = RequireInfo();
        if (await IsStaffOrAdminAsync(caller))
        {
            await Writes.DurableAsync();
            return [.. S.Items.Values];
        }

        var member = await GrainFactory.CallingMemberAsync(caller, cancellationToken);
        await DemandAsync(caller, member?.ParkId == info.ParkId, "browse this merchant");
        var now = clock.UtcNow;
        await Writes.DurableAsync(); // no stock figure shown before it is durable
        return [.. S.Items.Values.Where(i => i.IsActiveAt(now))];
    }

    public async Task<BrowsedMerchant> BrowseAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var items = await ListCatalogAsync(caller, cancellationToken);
        return new BrowsedMerchant(MerchantId, RequireInfo().Name, items);
    }

    public async Task<Settlement> GetSettlementAsync(Caller caller, DateOnly? day, CancellationToken cancellationToken = default)
    {
        await DemandStaffOrAdminAsync(caller, "read this merchant's settlement");
        var settled = day ?? ParkClock.DayOf(clock.UtcNow, S.TimeZone);
        await Writes.DurableAsync(); // no redemption counted before its commit is durable
        return S.Days.GetValueOrDefault(settled) ?? new Settlement(MerchantId, settled, 0, 0, 0, 0, []);
    }

    public async Task<DateOnly> TodayAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await DemandStaffAsync(caller, "read this merchant's counter", cancellationToken);
        return ParkClock.DayOf(clock.UtcNow, S.TimeZone);
    }

    public async Task DemandStaffAsync(Caller caller, string action, CancellationToken cancellationToken = default)
    {
        RequireInfo();
        await DemandAsync(caller, await IsStaffAsync(caller, cancellationToken), action);
    }

    public Task<DateOnly> DayOfAsync(DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        RequireInfo();
        return Task.FromResult(ParkClock.DayOf(at, S.TimeZone));
    }

    public Task<MerchantInfo> GetInfoAsync(CancellationToken cancellationToken = default) => Task.FromResult(RequireInfo());

    public Task<bool> IsStaffAsync(Caller caller, CancellationToken cancellationToken = default) =>
        Task.FromResult(S.Info is { } info && caller.Has(Role.MerchantStaff, MerchantId) && info.Staff.Any(s => s.Subject == caller.Subject));

    public async Task<string> ResolveCodeAsync(Caller caller, string code, CancellationToken cancellationToken = default)
    {
        await DemandStaffAsync(caller, "validate codes at this merchant", cancellationToken);
        var now = clock.UtcNow;
        var staff = _staffValidations.TryGetValue(caller.Subject, out var queue) ? queue : _staffValidations[caller.Subject] = new Queue<DateTimeOffset>();
        var perStaff = options.Value.ValidationsPerStaffPerMinute;
        var perMerchant = options.Value.ValidationsPerMerchantPerMinute;
        if (!Admit(staff, perStaff, now) || !Admit(_merchantValidations, perMerchant, now))
        {
            var full = staff.Count >= perStaff ? (Window: staff, Limit: perStaff) : (Window: _merchantValidations, Limit: perMerchant);
            throw EngagementException.ResourceExhausted(ErrorReasons.TooManyValidations, "Too many codes were typed in the last minute; wait a moment or scan the QR code.")
                .With("limitPerMinute", full.Limit).RetryIn(full.Window.Peek() + TimeSpan.FromMinutes(1) - now);
        }

        var redemption = await GrainFactory.GetGrain<IRedemptionCodeGrain>($"{MerchantId}/{code}").ResolveAsync(cancellationToken);
        if (redemption is null)
        {
            LogWrongCode(MerchantId, caller.Subject);
            throw EngagementException.NotFound(ErrorReasons.RedemptionNotFound, "No pending redemption has this code.");
        }

        return redemption;
    }

    private static bool Admit(Queue<DateTimeOffset> window, int limit, DateTimeOffset now)
    {
        while (window.Count > 0 && now - window.Peek() >= TimeSpan.FromMinutes(1))
        {
            window.Dequeue();
        }

        if (window.Count >= limit)
        {
            return false;
        }

        window.Enqueue(now);
        return true;
    }

    private async Task<MerchantInfo> ChangeStaffAsync(Caller caller, string verb, string idempotencyKey, string request,
        Func<IReadOnlyList<StaffMember>, IReadOnlyList<StaffMember>> change, string action, string details)
    {
        var info = RequireInfo();
        await DemandAsync(caller, caller.Has(Role.ParkAdmin, info.ParkId), "manage this merchant's staff");
        var now = clock.UtcNow;
        var changes = new Idempotency<MerchantInfo>(S.StaffChanges, $"merchant-staff/{MerchantId}", GrainFactory, idempotency.Value.Window, now);
        var key = $"{verb}:{idempotencyKey}";
        var write = await changes.FindAsync(key, request);
        if (write?.Result is not { } changed)
        {
            changed = info with { Staff = change(info.Staff) };
            S.Info = changed;
            await changes.RecordAsync(key, request, changed);
            await Writes.SaveAsync();
        }

        // Also on a retry (stamped with the first call's time): the audit record may be what a crash lost.
        await AuditTrail.AppendAsync(GrainFactory, S.TimeZone,
            new AuditRecord(write?.Result is null ? now : write.At, caller.Subject, action, MerchantId, details, info.ParkId, null), idempotencyKey);
        return changed;
    }

    private AuditRecord ItemAudit(Caller caller, DateTimeOffset at, ItemSpec spec, string changes) =>
        new(at, caller.Subject, "upsert-catalog-item", MerchantId, $"item {spec.ItemId} \"{spec.Name}\", {spec.PointsCost} points: {changes}",
            RequireInfo().ParkId, null);

    private Task AuditRestockAsync(Caller caller, DateTimeOffset at, long delta, CatalogItem restocked, string idempotencyKey) =>
        AuditTrail.AppendAsync(GrainFactory, S.TimeZone, new AuditRecord(at, caller.Subject, "restock-item", MerchantId,
            $"item {restocked.Spec.ItemId}: {delta:+#;-#;0}, {restocked.Available} in stock", RequireInfo().ParkId, null), idempotencyKey);

    private async Task<bool> IsStaffOrAdminAsync(Caller caller) =>
        caller.Has(Role.ParkAdmin, RequireInfo().ParkId) || await IsStaffAsync(caller);

    private async Task DemandStaffOrAdminAsync(Caller caller, string action) => await DemandAsync(caller, await IsStaffOrAdminAsync(caller), action);

    /// <summary>Refuses callers of the merchant's park with PERMISSION_DENIED, anyone else as if the merchant did not exist.</summary>
    private Task DemandAsync(Caller caller, bool allowed, string action) =>
        GrainFactory.DemandAsync(caller, allowed, RequireInfo().ParkId, action, () => Missing.Merchant(MerchantId));

    private MerchantInfo RequireInfo() =>
        S.Info ?? throw Missing.Merchant(MerchantId);

    private CatalogItem RequireItem(string itemId) =>
        S.Items.GetValueOrDefault(itemId) ?? throw EngagementException.NotFound(ErrorReasons.ItemNotFound, $"Item '{itemId}' is not in this catalogue.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Wrong redemption code typed at merchant {MerchantId} by staff {Staff}")]
    private partial void LogWrongCode(string merchantId, string staff);
}
