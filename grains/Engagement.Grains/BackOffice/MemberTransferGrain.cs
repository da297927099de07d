using Microsoft.Extensions.Options;

namespace Engagement;

[GrainType("member-transfer")]
public sealed class MemberTransferGrain(
    [PersistentState("member-transfer", StorageNames.Main)] IPersistentState<MemberTransferState> state,
    DomainClock clock,
    IOptions<IdempotencyOptions> idempotency) : EngagementGrain, IMemberTransferGrain
{
    private string MemberId => this.GetPrimaryKeyString();

    private MemberTransferState S => state.State;

    public async Task<TransferInfo> RequestAsync(Caller caller, string toBranchId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var key = $"request:{idempotencyKey}";
        var profile = await VisibleProfileAsync(caller, cancellationToken);
        var results = Results();
        var request = RequestHash.Of(toBranchId);
        if ((await results.FindAsync(key, request))?.Result is { } first)
        {
            Caller.Demand(CanManage(caller, profile.ParkId, first.FromBranchId), "transfer this member");
            return first;
        }

        Caller.Demand(CanManage(caller, profile.ParkId, profile.BranchId), "transfer this member");
        var to = await GrainFactory.GetGrain<IBranchGrainInternal>(toBranchId).GetInfoAsync(cancellationToken);
        if (to.ParkId != profile.ParkId)
        {
            // Only someone who also has a role in the other park learns that the branch is there.
            throw await GrainFactory.IsInParkAsync(caller, to.ParkId, cancellationToken)
                ? EngagementException.FailedPrecondition(ErrorReasons.TransferOtherPark, "Members can only be transferred to a branch of their own park.")
                : Missing.Branch(toBranchId);
        }

        if (to.BranchId == profile.BranchId)
        {
            throw EngagementException.FailedPrecondition(ErrorReasons.TransferSameBranch, "The member already belongs to this branch.");
        }

        if (S.Pending is { } pending)
        {
            throw EngagementException.FailedPrecondition(ErrorReasons.TransferPending,
                $"A transfer to branch '{pending.ToBranchId}' is already waiting for that branch's decision.");
        }

        var transfer = new TransferInfo(MemberId, profile.BranchId, to.BranchId, caller.Subject, clock.UtcNow, TransferStatus.Pending);
        S.Pending = transfer;
        await results.RecordAsync(key, request, transfer);
        await SaveAsync(state);
        await GrainFactory.GetGrain<IBranchTransfersGrainInternal>(to.BranchId).AddAsync(transfer, cancellationToken);
        await AuditTrail.AppendAsync(GrainFactory, profile.TimeZone, new AuditRecord(transfer.RequestedAt, caller.Subject, "request-transfer", MemberId,
            $"{transfer.FromBranchId} -> {transfer.ToBranchId}", profile.ParkId, profile.BranchId), idempotencyKey);
        return transfer;
    }

    public async Task<TransferInfo> DecideAsync(Caller caller, bool accept, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var key = $"decide:{idempotencyKey}";
        var profile = await VisibleProfileAsync(caller, cancellationToken);
        var results = Results();
        var request = RequestHash.Of(accept);
        var transfer = (await results.FindAsync(key, request))?.Result ?? S.Pending
            ?? throw EngagementException.NotFound(ErrorReasons.TransferNotFound, $"No transfer of member '{MemberId}' is waiting for a decision.");
        Caller.Demand(CanManage(caller, profile.ParkId, transfer.ToBranchId), accept ? "accept this transfer" : "decline this transfer");
        if (transfer.Status == TransferStatus.Pending)
        {
            if (accept)
            {
                // Each step is idempotent, so a retry after a crash completes the move.
                var to = await GrainFactory.GetGrain<IBranchGrainInternal>(transfer.ToBranchId).GetInfoAsync(cancellationToken);
                await GrainFactory.GetGrain<IMemberGrainInternal>(MemberId).MoveToBranchAsync(to, cancellationToken);
                await GrainFactory.GetGrain<IBranchGrainInternal>(transfer.ToBranchId).AddMemberAsync(MemberId, cancellationToken);
                await GrainFactory.GetGrain<IBranchGrainInternal>(transfer.FromBranchId).RemoveMemberAsync(MemberId, cancellationToken);
            }

            transfer = transfer with { Status = accept ? TransferStatus.Accepted : TransferStatus.Declined, DecidedBy = caller.Subject, DecidedAt = clock.UtcNow };
            S.Pending = null;
            await results.RecordAsync(key, request, transfer);
            await SaveAsync(state);
        }

        await GrainFactory.GetGrain<IBranchTransfersGrainInternal>(transfer.ToBranchId).RemoveAsync(MemberId, cancellationToken);
        await AuditTrail.AppendAsync(GrainFactory, profile.TimeZone, new AuditRecord(transfer.DecidedAt!.Value, caller.Subject,
            transfer.Status == TransferStatus.Accepted ? "accept-transfer" : "decline-transfer", MemberId, $"{transfer.FromBranchId} -> {transfer.ToBranchId}",
            profile.ParkId, transfer.ToBranchId), idempotencyKey);
        return transfer;
    }

    /// <summary>
    /// The member's profile, for a caller with a role in the member's park: to anyone else the member is unknown, before
    /// a key or a pending transfer could tell them otherwise.
    /// </summary>
    private async Task<MemberProfile> VisibleProfileAsync(Caller caller, CancellationToken cancellationToken)
    {
        var profile = await GrainFactory.GetGrain<IMemberGrainInternal>(MemberId).GetMembershipAsync(cancellationToken);
        await GrainFactory.RequireInParkAsync(caller, profile.ParkId, () => Missing.Member(MemberId), cancellationToken);
        return profile;
    }

    private static bool CanManage(Caller caller, string parkId, string branchId) =>
        caller.Has(Role.ParkAdmin, parkId) || caller.Has(Role.Secretary, branchId);

    /// <summary>The member's transfer results by key, now.</summary>
    private Idempotency<TransferInfo> Results()
    {
        var results = new Idempotency<TransferInfo>(S.Results, $"member-transfer/{MemberId}", GrainFactory, idempotency.Value.Window, clock.UtcNow);
        if (S.Recent.Count > 0)
        {
            results.Adopt(S.Recent.Select(r => (r.Key, (TransferInfo?)r.Value)));
            S.Recent.Clear();
        }

        return results;
    }
}
