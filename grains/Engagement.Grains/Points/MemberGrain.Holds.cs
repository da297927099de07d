namespace Engagement;

/// <summary>Points held for redemptions: held points stay in the balance but cannot be spent twice.</summary>
public sealed partial class MemberGrain
{
    public async Task<BalanceInfo> HoldAsync(string redemptionId, long points, PurchaseLimit limit, CancellationToken cancellationToken = default)
    {
        var profile = RequireVerified();
        if (!S.Holds.ContainsKey(redemptionId))
        {
            if (S.Balance - S.Held < points)
            {
                throw EngagementException.FailedPrecondition(ErrorReasons.InsufficientPoints,
                    $"This needs {points} points; {S.Balance - S.Held} are available.")
                    .With("neededPoints", points).With("availablePoints", S.Balance - S.Held);
            }

            var today = ParkClock.DayOf(clock.UtcNow, profile.TimeZone);
            var count = S.Purchases.GetValueOrDefault(limit.ItemKey) is { } c ? c with { OnDay = c.Day == today ? c.OnDay : 0, Day = today } : new PurchaseCount(today, 0, 0);
            if (count.OnDay >= limit.PerDay || count.Total >= limit.Total)
            {
                throw EngagementException.FailedPrecondition(ErrorReasons.PurchaseLimitReached,
                    count.OnDay >= limit.PerDay ? $"You may redeem this item {limit.PerDay} time(s) a day." : $"You may redeem this item {limit.Total} time(s) in all.");
            }

            S.Purchases[limit.ItemKey] = count with { OnDay = count.OnDay + 1, Total = count.Total + 1 };
            S.Holds[redemptionId] = new HoldRecord(points, limit.ItemKey, today);
            S.Held += points;
            await SaveAsync(state);
        }

        return Balance();
    }

    public async Task<BalanceInfo> ReleaseHoldAsync(string redemptionId, CancellationToken cancellationToken = default)
    {
        if (S.Holds.Remove(redemptionId, out var hold))
        {
            S.Held -= hold.Points;
            Uncount(hold.ItemKey, hold.Day);
            await SaveAsync(state);
        }

        return Balance();
    }

    public async Task<LedgerEntry> SpendHoldAsync(string redemptionId, string reference, CancellationToken cancellationToken = default)
    {
        var key = $"redemption:{redemptionId}";
        var now = clock.UtcNow;
        if (await Writes(now).FindAsync(key, null) is { Result.Award.Entry: { } spent })
        {
            return spent;
        }

        if (!S.Holds.Remove(redemptionId, out var hold))
        {
            throw EngagementException.FailedPrecondition(ErrorReasons.NoHold, "No points are held for this redemption.");
        }

        S.Held -= hold.Points;
        var entry = await Ledger.AppendAsync(-hold.Points, LedgerEntryKind.Redemption, reference, key, now);
        await Writes(now).RecordAsync(key, null, new MemberWrite(new AwardResult(-hold.Points, -hold.Points, entry, S.Balance, 0, null)));
        await SaveAsync(state);
        await PublishAsync(RequireProfile(), entry);
        return entry;
    }

    public async Task<LedgerEntry> RefundAsync(string redemptionId, long points, string itemKey, string reference, CancellationToken cancellationToken = default)
    {
        var key = $"refund:{redemptionId}";
        var now = clock.UtcNow;
        if (await Writes(now).FindAsync(key, null) is { Result.Award.Entry: { } refunded })
        {
            return refunded;
        }

        var entry = await Ledger.AppendAsync(points, LedgerEntryKind.Refund, reference, key, now);
        Uncount(itemKey, ParkClock.DayOf(now, RequireProfile().TimeZone));
        await Writes(now).RecordAsync(key, null, new MemberWrite(new AwardResult(points, points, entry, S.Balance, 0, null)));
        await SaveAsync(state);
        await PublishAsync(RequireProfile(), entry);
        return entry;
    }

    private void Uncount(string itemKey, DateOnly day)
    {
        if (S.Purchases.GetValueOrDefault(itemKey) is { } count)
        {
            S.Purchases[itemKey] = count with { OnDay = count.Day == day ? Math.Max(0, count.OnDay - 1) : count.OnDay, Total = Math.Max(0, count.Total - 1) };
        }
    }

    private BalanceInfo Balance() => new(MemberId, S.Balance, S.Held, S.LastSequence);
}
