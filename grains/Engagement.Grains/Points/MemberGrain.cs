using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Engagement;

/// <summary>A member: profile and membership here; points, ledger and daily caps in MemberGrain.Points.cs.</summary>
[GrainType("member")]
public sealed partial class MemberGrain(
    [PersistentState("member", StorageNames.Main)] IPersistentState<MemberState> state,
    DomainClock clock,
    IOptions<IdempotencyOptions> idempotency,
    ILogger<MemberGrain> logger) : EngagementGrain, IMemberGrain, IMemberGrainInternal
{
    private static readonly TimeSpan RepublishEvery = TimeSpan.FromSeconds(5);

    /// <summary>Ledger events the stream refused, oldest first, retried every <see cref="RepublishEvery"/> (see PublishAsync).</summary>
    private readonly Queue<PointsMoved> _unpublished = new();

    private IGrainTimer? _republish;

    private string MemberId => this.GetPrimaryKeyString();

    private MemberState S => state.State;

    private MemberLedger Ledger => new(MemberId, S, GrainFactory);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Rows written before the time window kept fixed-count lists; their keys move into the log, stamped now so
        // they are kept a whole window, and are stored with the next write.
        if (S.RecentResults.Count > 0 || S.CheckInKeys.Count > 0)
        {
            var now = clock.UtcNow;
            S.Writes.Recent.InsertRange(0, [
                .. S.CheckInKeys.Select(k => new IdempotentWrite<MemberWrite>($"check-in:{k.Key}", null, now, new MemberWrite(null, k.Value))),
                .. S.RecentResults.Select(r => new IdempotentWrite<MemberWrite>(r.Key, null, now, new MemberWrite(r.Result)))]);
            S.CheckInKeys.Clear();
            S.RecentResults.Clear();
        }

        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<MemberProfile> RegisterAsync(Caller caller, MemberRegistration registration, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var branch = await GrainFactory.GetGrain<IBranchGrainInternal>(registration.BranchId).GetInfoAsync(cancellationToken);
        await GrainFactory.DemandAsync(caller, caller.Has(Role.ParkAdmin, branch.ParkId) || caller.Has(Role.Secretary, branch.BranchId), branch.ParkId,
            "register members in this branch", () => Missing.Branch(registration.BranchId), cancellationToken);
        var request = RequestHash.Of(registration);
        if (S.Profile is { } existing)
        {
            // A retry is the same request by someone who manages the member now (it may have moved branch since):
            // a secretary of another branch or park replaying the key learns nothing, not even the phone number.
            if (!CreateOnce.IsRetry(S.RegistrationKey, S.RegistrationHash, idempotencyKey, request)
                || existing.BranchId != registration.BranchId || !CanManage(caller, existing))
            {
                throw EngagementException.AlreadyExists(ErrorReasons.MemberExists, $"Member '{MemberId}' already exists.");
            }
        }
        else
        {
            var park = await GrainFactory.GetGrain<IParkGrainInternal>(branch.ParkId).GetInfoAsync(cancellationToken);
            S.Profile = new MemberProfile(MemberId, branch.BranchId, branch.CommitteeId, branch.ParkId,
                registration.DisplayName, registration.Phone, park.TimeZone, clock.UtcNow, VerifiedAt: null,
                registration.Company, registration.JoinDate);
            S.RegistrationKey = idempotencyKey;
            S.RegistrationHash = request;
            await SaveAsync(state);
        }

        // Also on a retry: the roster entry or the audit record may be what a crash lost.
        var profile = S.Profile;
        await GrainFactory.GetGrain<IBranchGrainInternal>(profile.BranchId).AddMemberAsync(MemberId, cancellationToken);
        await AuditTrail.AppendAsync(GrainFactory, profile.TimeZone, new AuditRecord(profile.RegisteredAt, caller.Subject, "register-member", MemberId,
            profile.DisplayName, profile.ParkId, profile.BranchId), idempotencyKey);
        return profile;
    }

    public async Task<MemberProfile> VerifyAsync(Caller caller, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var profile = RequireProfile();
        await DemandAsync(caller, profile, CanManage(caller, profile), "verify this member");
        if (!profile.Verified)
        {
            S.Profile = profile = profile with { VerifiedAt = clock.UtcNow };
            await SaveAsync(state);
        }

        await AuditTrail.AppendAsync(GrainFactory, profile.TimeZone, new AuditRecord(profile.VerifiedAt!.Value, caller.Subject, "verify-member", MemberId,
            profile.DisplayName, profile.ParkId, profile.BranchId), idempotencyKey);
        return profile;
    }

    public Task<MemberProfile> GetProfileAsync(Caller caller, CancellationToken cancellationToken = default) => RequireReaderAsync(caller);

    public Task<MemberProfile> GetMembershipAsync(CancellationToken cancellationToken = default) => Task.FromResult(RequireProfile());

    public Task<RosterEntry> GetRosterEntryAsync(CancellationToken cancellationToken = default) => Task.FromResult(new RosterEntry(RequireProfile(), S.Balance));

    public async Task<BalanceInfo> GetBalanceAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await RequireReaderAsync(caller);
        return Balance();
    }

    public async Task<LedgerSlice> ListLedgerAsync(Caller caller, int pageSize, long? beforeSequence, CancellationToken cancellationToken = default)
    {
        await RequireReaderAsync(caller);
        return await Ledger.ListAsync(pageSize, beforeSequence);
    }

    public Task<long> GetLastSequenceAsync(CancellationToken cancellationToken = default) => Task.FromResult(S.LastSequence);

    public Task<long> GetLastRankedSequenceAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Ledger.PreviousRanked(S.LastSequence + 1) ?? S.LastSequence);

    public Task<RankedTail> GetRankedTailAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new RankedTail(Ledger.PreviousRanked(S.LastSequence + 1) ?? S.LastSequence, S.Profile?.BoardName));

    public Task<LedgerSlice> ReadLedgerAsync(int count, long beforeSequence, CancellationToken cancellationToken = default) =>
        Ledger.ListAsync(count, beforeSequence);

    private MemberProfile RequireProfile() =>
        S.Profile ?? throw Missing.Member(MemberId);

    private MemberProfile RequireVerified()
    {
        var profile = RequireProfile();
        if (!profile.Active)
        {
            throw EngagementException.FailedPrecondition(ErrorReasons.MemberDeactivated,
                "This member is deactivated and can neither earn nor redeem points; ask your branch secretary to reactivate you.");
        }

        return profile.Verified
            ? profile
            : throw EngagementException.FailedPrecondition(ErrorReasons.MemberNotVerified,
                "Only real-name verified members can earn points; ask your branch secretary to verify you.");
    }

    private async Task<MemberProfile> RequireReaderAsync(Caller caller)
    {
        var profile = RequireProfile();
        await DemandAsync(caller, profile, caller.Has(Role.Member, MemberId) || CanManage(caller, profile) || caller.Has(Role.CommitteeLeader, profile.CommitteeId),
            "read this member");
        return profile;
    }

    /// <summary>Refuses callers of the member's park with PERMISSION_DENIED, anyone else as if the member did not exist.</summary>
    private Task DemandAsync(Caller caller, MemberProfile profile, bool allowed, string action) =>
        GrainFactory.DemandAsync(caller, allowed, profile.ParkId, action, () => Missing.Member(MemberId));

    private static bool CanManage(Caller caller, MemberProfile profile) =>
        caller.Has(Role.ParkAdmin, profile.ParkId) || caller.Has(Role.Secretary, profile.BranchId);

    /// <summary>
    /// Tells the park's stream after the entry is durable. A lost event is not lost points, and the client's write
    /// already succeeded: a failed publish is logged and retried from a timer until the stream takes it (consumers
    /// ignore an entry they have seen). Should this activation die first, the boards' reconcile after the membership
    /// change finds the entry in the ledger.
    /// </summary>
    private async Task PublishAsync(MemberProfile profile, params LedgerEntry?[] entries)
    {
        foreach (var entry in entries.OfType<LedgerEntry>())
        {
            var moved = new PointsMoved(profile.ParkId, profile.CommitteeId, profile.BranchId, entry, Ledger.PreviousRanked(entry.Sequence), profile.BoardName);
            if (_unpublished.Count > 0 || !await TryPublishAsync(moved))
            {
                _unpublished.Enqueue(moved); // in order, behind any earlier failure
                _republish ??= this.RegisterGrainTimer(RepublishAsync, new GrainTimerCreationOptions(RepublishEvery, RepublishEvery) { KeepAlive = true });
            }
        }
    }

    private async Task RepublishAsync(CancellationToken cancellationToken)
    {
        while (_unpublished.TryPeek(out var moved) && await TryPublishAsync(moved))
        {
            _unpublished.Dequeue();
        }

        if (_unpublished.Count == 0)
        {
            _republish?.Dispose();
            _republish = null;
        }
    }

    private async Task<bool> TryPublishAsync(PointsMoved moved)
    {
        try
        {
            await this.GetStreamProvider(StorageNames.Streams)
                .GetStream<PointsMoved>(StreamId.Create(StreamNamespaces.PointsMoved, moved.BranchId)).OnNextAsync(moved);
            return true;
        }
        catch (Exception e)
        {
            LogPublishFailed(e, moved.Entry.EntryId);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish ledger entry {EntryId}; retrying every 5 s")]
    private partial void LogPublishFailed(Exception exception, string entryId);
}
