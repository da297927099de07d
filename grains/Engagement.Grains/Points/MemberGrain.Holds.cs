namespace Engagement;

/// <summary>Points held for redemptions: held points stay in the balance but cannot be spent twice.</summary>
public sealed partial class MemberGrain
{
    public async Task<BalanceInfo> HoldAsync(string redemptionId, long points, CancellationToken cancellationToken = default)
    {
        RequireVerified();
        if (!S.Holds.ContainsKey(redemptionId))
        {
            if (S.Balance - S.Held < points)
            {
                throw EngagementException.FailedPrecondition(ErrorReasons.InsufficientPoints,
                    $"This needs {points} points; {S.Balance - S.Held} are available.");
            }

            S.Holds[redemptionId] = points;
            S.Held += points;
            await SaveAsync(state);
        }

        return Balance();
    }

    public async Task<BalanceInfo> ReleaseHoldAsync(string redemptionId, CancellationToken cancellationToken = default)
    {
        if (S.Holds.Remove(redemptionId, out var points))
        {
            S.Held -= points;
            await SaveAsync(state);
        }

        return Balance();
    }

    public async Task<LedgerEntry> SpendHoldAsync(string redemptionId, string reference, CancellationToken cancellationToken = default)
    {
        var key = $"redemption:{redemptionId}";
        if (Replay(key) is { Entry: { } spent })
        {
            return spent;
        }

        if (!S.Holds.Remove(redemptionId, out var points))
        {
            throw EngagementException.FailedPrecondition(ErrorReasons.NoHold, "No points are held for this redemption.");
        }

        S.Held -= points;
        var entry = await Ledger.AppendAsync(-points, LedgerEntryKind.Redemption, reference, key, clock.UtcNow);
        Remember(key, new AwardResult(-points, -points, entry, S.Balance, 0, null));
        await SaveAsync(state);
        await PublishAsync(RequireProfile(), entry);
        return entry;
    }

    public async Task<LedgerEntry> RefundAsync(string redemptionId, long points, string reference, CancellationToken cancellationToken = default)
    {
        var key = $"refund:{redemptionId}";
        if (Replay(key) is { Entry: { } refunded })
        {
            return refunded;
        }

        var entry = await Ledger.AppendAsync(points, LedgerEntryKind.Refund, reference, key, clock.UtcNow);
        Remember(key, new AwardResult(points, points, entry, S.Balance, 0, null));
        await SaveAsync(state);
        await PublishAsync(RequireProfile(), entry);
        return entry;
    }

    private BalanceInfo Balance() => new(MemberId, S.Balance, S.Held, S.LastSequence);
}
