namespace Engagement;

/// <summary>Back office: deactivation and moving between branches.</summary>
public sealed partial class MemberGrain
{
    public async Task<MemberProfile> SetActiveAsync(Caller caller, bool active, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var profile = RequireProfile();
        Caller.Demand(CanManage(caller, profile), active ? "reactivate this member" : "deactivate this member");
        var now = clock.UtcNow;
        var key = $"active:{idempotencyKey}";
        var request = RequestHash.Of(active);
        if ((await Writes(now).FindAsync(key, request))?.Result?.Profile is { } first)
        {
            profile = first;
        }
        else
        {
            if (profile.Active != active)
            {
                profile = profile with { DeactivatedAt = active ? null : now };
                S.Profile = profile;
            }

            await Writes(now).RecordAsync(key, request, new MemberWrite(null, null, profile));
            await SaveAsync(state);
        }

        // Also on a retry: the audit record may be what a crash lost (the audit grain keeps one per key).
        await AuditTrail.AppendAsync(GrainFactory, profile.TimeZone, new AuditRecord(now, caller.Subject,
            active ? "reactivate-member" : "deactivate-member", MemberId, profile.DisplayName, profile.ParkId, profile.BranchId), idempotencyKey);
        return profile;
    }

    public async Task<MemberProfile> MoveToBranchAsync(BranchInfo branch, CancellationToken cancellationToken = default)
    {
        var profile = RequireProfile();
        if (profile.BranchId == branch.BranchId)
        {
            return profile;
        }

        if (profile.ParkId != branch.ParkId)
        {
            throw EngagementException.FailedPrecondition(ErrorReasons.TransferOtherPark, "Members can only move between branches of their own park.");
        }

        S.Profile = profile with
        {
            BranchId = branch.BranchId, CommitteeId = branch.CommitteeId, TransferredAt = clock.UtcNow, TransferredAfterSequence = S.LastSequence,
            CommitteeBeforeTransfer = profile.CommitteeId,
        };
        await SaveAsync(state);
        return S.Profile;
    }
}
