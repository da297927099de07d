using Microsoft.Extensions.Options;

namespace Engagement;

[GrainType("officer-directory")]
public sealed class OfficerDirectoryGrain(
    [PersistentState("officer-directory", StorageNames.Main)] IPersistentState<OfficerDirectoryState> state,
    DomainClock clock,
    IOptions<IdempotencyOptions> idempotency) : EngagementGrain, IOfficerDirectoryGrain
{
    private OfficerDirectoryState S => state.State;

    public async Task<Officer> AppointAsync(Caller caller, string parkId, string subject, string displayName, RoleGrant grant, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var park = await GrainFactory.GetGrain<IParkGrainInternal>(parkId).GetInfoAsync(cancellationToken);
        await GrainFactory.DemandAsync(caller, caller.Has(Role.ParkAdmin, parkId), parkId, "appoint officers in this park", () => Missing.Park(parkId), cancellationToken);
        var key = $"appoint:{parkId}:{idempotencyKey}";
        var results = Results();
        var request = RequestHash.Of(subject, displayName, grant.Role, grant.Scope);
        if ((await results.FindAsync(key, request))?.Result is not { } officer)
        {
            await RequireInParkAsync(caller, parkId, grant, cancellationToken);
            officer = S.Officers.FirstOrDefault(o => o.Subject == subject && o.Grant == grant);
            if (officer is null)
            {
                officer = new Officer(subject, displayName, grant, parkId, caller.Subject, clock.UtcNow);
                S.Officers.Add(officer);
                S.Version++;
            }

            await results.RecordAsync(key, request, officer);
            await SaveAsync(state);
        }

        // Also on a retry: the audit record may be what a crash lost.
        await AuditTrail.AppendAsync(GrainFactory, park.TimeZone, new AuditRecord(clock.UtcNow, caller.Subject, "appoint-officer", subject,
            $"{grant} ({displayName})", parkId, grant.Role == Role.Secretary ? grant.Scope : null), idempotencyKey);
        return officer;
    }

    public async Task<Officer> RevokeAsync(Caller caller, string parkId, string subject, RoleGrant grant, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var park = await GrainFactory.GetGrain<IParkGrainInternal>(parkId).GetInfoAsync(cancellationToken);
        await GrainFactory.DemandAsync(caller, caller.Has(Role.ParkAdmin, parkId), parkId, "revoke officers in this park", () => Missing.Park(parkId), cancellationToken);
        var key = $"revoke:{parkId}:{idempotencyKey}";
        var results = Results();
        var request = RequestHash.Of(subject, grant.Role, grant.Scope);
        if ((await results.FindAsync(key, request))?.Result is not { } officer)
        {
            officer = S.Officers.FirstOrDefault(o => o.ParkId == parkId && o.Subject == subject && o.Grant == grant)
                ?? throw EngagementException.NotFound(ErrorReasons.OfficerNotFound, $"'{subject}' does not hold {grant} in this park.");
            if (subject == caller.Subject)
            {
                throw EngagementException.FailedPrecondition(ErrorReasons.OfficerSelfRevoke, "Officers cannot revoke their own office; another park admin can.");
            }

            S.Officers.Remove(officer);
            S.Version++;
            await results.RecordAsync(key, request, officer);
            await SaveAsync(state);
        }

        await AuditTrail.AppendAsync(GrainFactory, park.TimeZone, new AuditRecord(clock.UtcNow, caller.Subject, "revoke-officer", subject,
            grant.ToString(), parkId, grant.Role == Role.Secretary ? grant.Scope : null), idempotencyKey);
        return officer;
    }

    public async Task<IReadOnlyList<Officer>> ListAsync(Caller caller, string parkId, string? scopeId, CancellationToken cancellationToken = default)
    {
        await GrainFactory.GetGrain<IParkGrainInternal>(parkId).GetInfoAsync(cancellationToken);
        // An officer lists the offices of their own scope, if it is in this park.
        var allowed = caller.Has(Role.ParkAdmin, parkId)
            || scopeId is not null && await GrainFactory.IsInParkAsync(new Caller(caller.Subject, [.. caller.Grants.Where(g => g.Scope == scopeId
                && g.Role is Role.Secretary or Role.CommitteeLeader)]), parkId, cancellationToken);
        await GrainFactory.DemandAsync(caller, allowed, parkId, "list these officers", () => Missing.Park(parkId), cancellationToken);
        return [.. S.Officers
            .Where(o => o.ParkId == parkId && (scopeId is null || o.Grant.Scope == scopeId))
            .OrderBy(o => o.Grant.Scope, StringComparer.Ordinal).ThenBy(o => o.Grant.Role).ThenBy(o => o.Subject, StringComparer.Ordinal)];
    }

    public Task<OfficerList?> ChangedSinceAsync(long knownVersion, CancellationToken cancellationToken = default) =>
        Task.FromResult(S.Version == knownVersion ? null : new OfficerList(S.Version, [.. S.Officers]));

    /// <summary>
    /// The office's scope must be in the park: a branch or committee of it, or the park itself. One of a park where
    /// the caller has no role is as unknown as one that does not exist.
    /// </summary>
    private async Task RequireInParkAsync(Caller caller, string parkId, RoleGrant grant, CancellationToken cancellationToken)
    {
        var scopePark = grant.Role switch
        {
            Role.Secretary => (await GrainFactory.GetGrain<IBranchGrainInternal>(grant.Scope).GetInfoAsync(cancellationToken)).ParkId,
            Role.CommitteeLeader => (await GrainFactory.GetGrain<ICommitteeGrainInternal>(grant.Scope).GetInfoAsync(cancellationToken)).ParkId,
            Role.ParkAdmin => grant.Scope,
            _ => throw EngagementException.InvalidArgument("role", "must be secretary, committee leader or park admin"),
        };
        if (scopePark != parkId)
        {
            throw await GrainFactory.IsInParkAsync(caller, scopePark, cancellationToken)
                ? EngagementException.InvalidArgument("scope_id", "is not in this park")
                : grant.Role == Role.Secretary ? Missing.Branch(grant.Scope) : Missing.Committee(grant.Scope);
        }
    }

    /// <summary>Appointments and revocations by key, now.</summary>
    private Idempotency<Officer> Results()
    {
        var results = new Idempotency<Officer>(S.Results, "officer-directory", GrainFactory, idempotency.Value.Window, clock.UtcNow);
        if (S.Recent.Count > 0)
        {
            results.Adopt(S.Recent.Select(r => (r.Key, (Officer?)r.Value)));
            S.Recent.Clear();
        }

        return results;
    }
}
