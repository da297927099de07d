using Microsoft.Extensions.Options;

namespace Engagement;

[GrainType("roster-import")]
public sealed class RosterImportGrain(
    [PersistentState("roster-import", StorageNames.Main)] IPersistentState<RosterImportState> state,
    DomainClock clock,
    IOptions<IdempotencyOptions> idempotency) : EngagementGrain, IRosterImportGrain
{
    private string BranchId => this.GetPrimaryKeyString();

    public async Task<RosterImportResult> ImportAsync(Caller caller, string csv, bool importValidRows, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var branch = await GrainFactory.GetGrain<IBranchGrainInternal>(BranchId).GetInfoAsync(cancellationToken);
        await GrainFactory.DemandAsync(caller, caller.Has(Role.ParkAdmin, branch.ParkId) || caller.Has(Role.Secretary, BranchId), branch.ParkId,
            "import members into this branch", () => Missing.Branch(BranchId), cancellationToken);
        var imports = new Idempotency<RosterImportResult>(state.State.Imports, $"roster-import/{BranchId}", GrainFactory, idempotency.Value.Window, clock.UtcNow);
        if (state.State.Recent.Count > 0)
        {
            imports.Adopt(state.State.Recent.Select(r => (r.Key, (RosterImportResult?)r.Value)));
            state.State.Recent.Clear();
        }

        var request = RequestHash.Of(csv, importValidRows);
        if ((await imports.FindAsync(idempotencyKey, request))?.Result is { } first)
        {
            return first;
        }

        var (rows, errors) = RosterCsv.Parse(csv);
        if (rows.Count > RosterCsv.MaxRows)
        {
            throw EngagementException.InvalidArgument("csv", $"at most {RosterCsv.MaxRows} rows per import");
        }

        var bad = errors.ToList();
        var retry = state.State.Running == idempotencyKey;
        foreach (var row in rows.Where(_ => !retry))
        {
            if (await ExistsAsync(row.MemberId, cancellationToken))
            {
                bad.Add(new RowError(row.Line, "member_id", "is already registered"));
            }
        }

        if (bad.Count > 0 && !importValidRows)
        {
            throw EngagementException.InvalidArgument([.. bad.OrderBy(e => e.Line).Select(e => new FieldViolation(e.FieldPath, e.Reason))]);
        }

        state.State.Running = idempotencyKey;
        await SaveAsync(state);
        var badLines = bad.Select(e => e.Line).ToHashSet();
        var imported = new List<string>();
        foreach (var row in rows.Where(r => !badLines.Contains(r.Line)))
        {
            try
            {
                await GrainFactory.GetGrain<IMemberGrain>(row.MemberId).RegisterAsync(caller,
                    new MemberRegistration(BranchId, row.DisplayName, row.Phone, row.Company, row.JoinDate), $"import:{idempotencyKey}:{row.MemberId}", cancellationToken);
                imported.Add(row.MemberId);
            }
            catch (EngagementException e) when (e.Reason == ErrorReasons.MemberExists)
            {
                // Registered by someone else between validation and now (or before a crashed attempt of this import).
                bad.Add(new RowError(row.Line, "member_id", "is already registered"));
            }
        }

        var result = new RosterImportResult(imported, [.. bad.OrderBy(e => e.Line)]);
        state.State.Running = null;
        await imports.RecordAsync(idempotencyKey, request, result);

        await SaveAsync(state);
        var park = await GrainFactory.GetGrain<IParkGrainInternal>(branch.ParkId).GetInfoAsync(cancellationToken);
        await AuditTrail.AppendAsync(GrainFactory, park.TimeZone, new AuditRecord(clock.UtcNow, caller.Subject, "import-roster", BranchId,
            $"{result.ImportedMemberIds.Count} imported, {result.RowErrors.Select(e => e.Line).Distinct().Count()} skipped", branch.ParkId, BranchId), idempotencyKey);
        return result;
    }

    private async Task<bool> ExistsAsync(string memberId, CancellationToken cancellationToken)
    {
        try
        {
            await GrainFactory.GetGrain<IMemberGrainInternal>(memberId).GetMembershipAsync(cancellationToken);
            return true;
        }
        catch (EngagementException e) when (e.Reason == ErrorReasons.MemberNotFound)
        {
            return false;
        }
    }
}
