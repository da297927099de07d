namespace Engagement;

/// <summary>Back office: deactivation, moving between branches and the display name.</summary>
public sealed partial class MemberGrain
{
    public async Task<MemberProfile> SetActiveAsync(Caller caller, bool active, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var profile = RequireProfile();
        await DemandAsync(caller, profile, CanManage(caller, profile), active ? "reactivate this member" : "deactivate this member");
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

    public async Task<MemberProfile> SetDisplayNameAsync(Caller caller, string displayName, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var profile = RequireProfile();
        await DemandAsync(caller, profile, caller.Has(Role.Member, MemberId) || CanManage(caller, profile), "rename this member");
        var now = clock.UtcNow;
        var key = $"name:{idempotencyKey}";
        var request = RequestHash.Of(displayName);
        if ((await Writes(now).FindAsync(key, request))?.Result?.Profile is { } first)
        {
            profile = first;
        }
        else
        {
            if (profile.DisplayName != displayName)
            {
                profile = profile with { DisplayName = displayName, NameVersion = profile.NameVersion + 1 };
                S.Profile = profile;
            }

            await Writes(now).RecordAsync(key, request, new MemberWrite(null, null, profile));
            await SaveAsync(state);
        }

        // Also on a retry: the boards may have missed the first telling, and the audit record may be what a crash lost.
        RenameOnBoards(now);
        await AuditTrail.AppendAsync(GrainFactory, profile.TimeZone, new AuditRecord(now, caller.Subject, "rename-member", MemberId,
            profile.DisplayName, profile.ParkId, profile.BranchId), idempotencyKey);
        return profile;
    }

    /// <summary>
    /// Tells the boards of the member's branch, committee and park for the current periods their (current) name.
    /// One-way calls: a board may be reading this member's ledger right now, so waiting for it could deadlock. A board
    /// that misses it learns the name with the member's next points or at its next reconcile; boards of past periods
    /// and of a branch left behind learn it when they next reconcile (which they do 1 s after activation).
    /// </summary>
    private void RenameOnBoards(DateTimeOffset now)
    {
        var profile = RequireProfile();
        if (Ledger.PreviousRanked(S.LastSequence + 1) is 0)
        {
            return; // never earned anything: on no board
        }

        var day = ParkClock.DayOf(now, profile.TimeZone);
        (BoardScope Scope, string Id)[] scopes = [(BoardScope.BranchMembers, profile.BranchId), (BoardScope.CommitteeMembers, profile.CommitteeId), (BoardScope.ParkMembers, profile.ParkId)];
        foreach (var (scope, id) in scopes)
        {
            foreach (var period in Enum.GetValues<BoardPeriod>())
            {
                _ = GrainFactory.Board<ILeaderboardGrainInternal>(BoardKeys.RankingOf(BoardKeys.Key(scope, id, BoardKeys.PeriodKey(period, day)), MemberId)).RenameAsync(MemberId, profile.BoardName);
            }
        }
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
