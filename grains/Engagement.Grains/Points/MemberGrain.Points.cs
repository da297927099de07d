namespace Engagement;

public sealed partial class MemberGrain
{
    private static readonly Activity[] ProgressActivities =
        [Activity.CheckIn, Activity.Quiz, Activity.CourseEpisode, Activity.CheckInStreak, Activity.CourseCompleted, Activity.EventOnSite, Activity.EventRemote];

    public async Task<CheckInResult> CheckInAsync(Caller caller, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        await DemandAsync(caller, RequireProfile(), caller.Has(Role.Member, MemberId), "check in for another member");
        var now = clock.UtcNow;
        var key = $"check-in:{idempotencyKey}";
        // A check-in has no request fields besides the member: any replay of the key is a retry.
        if (await Writes(now).FindAsync(key, null) is { Result.CheckIn: { } first })
        {
            return first;
        }

        var profile = RequireVerified();
        var today = ParkClock.DayOf(now, profile.TimeZone);
        CheckInResult result;
        if (S.LastCheckIn is { } last && last.Day == today)
        {
            result = last with { PointsAwarded = 0, AlreadyCheckedIn = true };
        }
        else
        {
            var rules = await RulesAsync(profile, now, cancellationToken);
            var streak = S.LastCheckIn is { } previous && previous.Day == today.AddDays(-1) ? previous.StreakDays + 1 : 1;
            var day = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var entry = await EarnAsync(today, rules, Activity.CheckIn, rules.CheckInPoints, $"check-in:{day}", idempotencyKey, now);
            var bonus = rules.StreakEvery > 0 && streak % rules.StreakEvery == 0
                ? await EarnAsync(today, rules, Activity.CheckInStreak, rules.StreakBonus, $"check-in-streak:{day}:{streak}", idempotencyKey, now)
                : null;
            result = new CheckInResult(today, (entry?.Amount ?? 0) + (bonus?.Amount ?? 0), entry, S.Balance, streak, AlreadyCheckedIn: false, bonus);
            S.LastCheckIn = result;
        }

        await Writes(now).RecordAsync(key, null, new MemberWrite(null, result));
        await SaveAsync(state);
        EngagementMetrics.CheckedIn(result.AlreadyCheckedIn);
        if (!result.AlreadyCheckedIn)
        {
            EngagementMetrics.Awarded(Activity.CheckIn, result.Entry?.Amount ?? 0);
            EngagementMetrics.Awarded(Activity.CheckInStreak, result.StreakBonusEntry?.Amount ?? 0);
        }

        await PublishAsync(profile, result.AlreadyCheckedIn ? [] : [result.Entry, result.StreakBonusEntry]);
        return result;
    }

    public async Task<AwardResult> AwardAsync(Award award, CancellationToken cancellationToken = default)
    {
        RequireProfile();
        var now = clock.UtcNow;
        var key = $"award:{award.IdempotencyKey}";
        // Award keys are derived by the source grains (quiz day, episode, event), never chosen by a client.
        if (await Writes(now).FindAsync(key, null) is { Result.Award: { } first })
        {
            return first;
        }

        var profile = RequireVerified();
        var today = ParkClock.DayOf(now, profile.TimeZone);
        var rules = await RulesAsync(profile, now, cancellationToken);
        var entry = await EarnAsync(today, rules, award.Activity, award.Points, award.Reference, award.IdempotencyKey, now);
        var result = new AwardResult(award.Points, entry?.Amount ?? 0, entry, S.Balance, S.EarnedToday.GetValueOrDefault(award.Activity), rules.DailyCap(award.Activity));
        await Writes(now).RecordAsync(key, null, new MemberWrite(result));
        await SaveAsync(state);
        EngagementMetrics.Awarded(award.Activity, entry?.Amount ?? 0);
        await PublishAsync(profile, entry);
        return result;
    }

    public async Task<AwardResult> AdjustAsync(Caller caller, long amount, string reason, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var profile = RequireProfile();
        await DemandAsync(caller, profile, CanManage(caller, profile), "adjust this member's points");
        // Client keys live in their own namespace, apart from the keys grains derive ("redemption:…", "quiz:…").
        var key = $"adjust:{idempotencyKey}";
        var now = clock.UtcNow;
        var request = RequestHash.Of(amount, reason);
        var result = (await Writes(now).FindAsync(key, request))?.Result?.Award;
        if (result is null)
        {
            if (S.Balance + amount < S.Held)
            {
                throw EngagementException.FailedPrecondition(ErrorReasons.InsufficientPoints,
                    $"The member has {S.Balance - S.Held} spendable points; an adjustment of {amount} would make the balance negative.")
                    .With("neededPoints", -amount).With("availablePoints", S.Balance - S.Held);
            }

            var entry = await Ledger.AppendAsync(amount, LedgerEntryKind.Adjustment, $"adjustment: {reason}", idempotencyKey, now);
            result = new AwardResult(amount, amount, entry, S.Balance, 0, null);
            await Writes(now).RecordAsync(key, request, new MemberWrite(result));
            await SaveAsync(state);
            await PublishAsync(profile, entry);
        }

        // Also on a retry: the audit record may be what a crash lost.
        await AuditTrail.AppendAsync(GrainFactory, profile.TimeZone, new AuditRecord(result.Entry!.CreatedAt, caller.Subject, "adjust-points", MemberId,
            $"{amount:+#;-#;0} ({reason})", profile.ParkId, profile.BranchId), idempotencyKey);
        return result;
    }

    public async Task<DailyProgress> GetDailyProgressAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var profile = await RequireReaderAsync(caller);
        var now = clock.UtcNow;
        var today = ParkClock.DayOf(now, profile.TimeZone);
        var rules = await RulesAsync(profile, now, cancellationToken);
        var earned = S.Day == today ? S.EarnedToday : [];
        var streak = S.LastCheckIn is { } last && last.Day >= today.AddDays(-1) ? last.StreakDays : 0;
        return new DailyProgress(today,
            [.. ProgressActivities.Select(a => new ActivityProgress(a, earned.GetValueOrDefault(a), rules.DailyCap(a)))],
            streak, S.Balance, earned.Values.Sum());
    }

    public async Task<LedgerCheck> CheckLedgerAsync(CancellationToken cancellationToken = default)
    {
        long sum = 0, expected = 1;
        string? problem = null;
        for (var page = 0; page <= S.SealedPages && problem is null; page++)
        {
            var entries = page < S.SealedPages
                ? await GrainFactory.GetGrain<ILedgerPageGrain>(LedgerPaging.PageKey(MemberId, page)).ReadAsync(cancellationToken)
                : S.Tail;
            foreach (var entry in entries)
            {
                sum += entry.Amount;
                if (entry.Sequence != expected++)
                {
                    problem = $"entry {entry.Sequence} found where {expected - 1} was expected";
                    break;
                }

                if (entry.BalanceAfter != sum)
                {
                    problem = $"entry {entry.Sequence} says balance {entry.BalanceAfter}, its ledger sums to {sum}";
                    break;
                }
            }
        }

        problem ??= sum != S.Balance ? $"balance {S.Balance} but the ledger sums to {sum}"
            : expected - 1 != S.LastSequence ? $"{S.LastSequence} entries recorded but {expected - 1} found" : null;
        return new LedgerCheck(MemberId, S.Balance, sum, expected - 1, problem);
    }

    /// <summary>
    /// Appends an award cut to what is left under the activity's daily cap today; null (no entry) when nothing is left.
    /// </summary>
    private async Task<LedgerEntry?> EarnAsync(DateOnly today, PointsRules rules, Activity activity, long points, string reference, string idempotencyKey, DateTimeOffset now)
    {
        if (S.Day != today)
        {
            S.Day = today;
            S.EarnedToday.Clear();
        }

        var earned = S.EarnedToday.GetValueOrDefault(activity);
        var grant = rules.DailyCap(activity) is { } cap ? Math.Clamp(cap - earned, 0, Math.Max(points, 0)) : Math.Max(points, 0);
        if (grant == 0)
        {
            return null;
        }

        S.EarnedToday[activity] = earned + grant;
        return await Ledger.AppendAsync(grant, ActivityLedger.KindOf(activity), reference, idempotencyKey, now);
    }

    private Task<PointsRules> RulesAsync(MemberProfile profile, DateTimeOffset at, CancellationToken cancellationToken) =>
        GrainFactory.GetGrain<ICommitteeGrainInternal>(profile.CommitteeId).GetRulesAsync(at, cancellationToken);

    /// <summary>The member's idempotency log at <paramref name="now"/>.</summary>
    private Idempotency<MemberWrite> Writes(DateTimeOffset now) =>
        new(S.Writes, $"member/{MemberId}", GrainFactory, idempotency.Value.Window, now);
}
