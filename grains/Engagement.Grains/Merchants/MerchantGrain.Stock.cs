namespace Engagement;

/// <summary>Stock moves made by redemptions, each applied once, and the day's settlement.</summary>
public sealed partial class MerchantGrain
{
    /// <summary>Settlement days kept in the merchant's row (older ones are past any refund or dispute window).</summary>
    private const int KeptDays = 400;

    // Reserve, release and commit interleave (IMerchantGrain): each checks and changes the state without an await in
    // between, then waits for a write that carries its change; concurrent redemptions share writes. A repeated call
    // waits until the first one's change is durable before it answers.

    public async Task<CatalogItem> ReserveAsync(string redemptionId, string itemId, CancellationToken cancellationToken = default)
    {
        RequireInfo();
        var item = RequireItem(itemId);
        if (S.Reserved.ContainsKey(redemptionId))
        {
            await Writes.DurableAsync();
            return item;
        }

        if (!item.IsActiveAt(clock.UtcNow))
        {
            throw EngagementException.FailedPrecondition(ErrorReasons.ItemNotActive, $"'{item.Spec.Name}' cannot be redeemed at this time.");
        }

        if (item.Available <= 0)
        {
            throw EngagementException.FailedPrecondition(ErrorReasons.OutOfStock, $"'{item.Spec.Name}' is out of stock.").With("availableUnits", 0);
        }

        var reserved = S.Items[itemId] = item with { Available = item.Available - 1, Reserved = item.Reserved + 1 };
        S.Reserved[redemptionId] = itemId;
        await Writes.SaveAsync();
        return reserved;
    }

    public async Task ReleaseAsync(string redemptionId, CancellationToken cancellationToken = default)
    {
        if (S.Reserved.Remove(redemptionId, out var itemId))
        {
            var item = S.Items[itemId];
            S.Items[itemId] = item with { Available = item.Available + 1, Reserved = item.Reserved - 1 };
            await Writes.SaveAsync();
        }
        else
        {
            await Writes.DurableAsync();
        }
    }

    public async Task CommitAsync(string redemptionId, long points, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (!S.Reserved.Remove(redemptionId, out var itemId))
        {
            await Writes.DurableAsync();
            return;
        }

        var item = S.Items[itemId];
        S.Items[itemId] = item with { Reserved = item.Reserved - 1, Sold = item.Sold + 1 };
        Settle(itemId, at, redemptions: 1, points, refunds: 0, refunded: 0);
        await Writes.SaveAsync();
    }

    public async Task ReturnAsync(string redemptionId, string itemId, long points, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var moves = Moves();
        if (await moves.FindAsync($"return:{redemptionId}", null) is not null || !S.Items.TryGetValue(itemId, out var item))
        {
            return;
        }

        S.Items[itemId] = item with { Available = item.Available + 1, Sold = item.Sold - 1 };
        Settle(itemId, at, redemptions: 0, 0, refunds: 1, points);
        await moves.RecordAsync($"return:{redemptionId}", null, S.Items[itemId]);
        await Writes.SaveAsync();
    }

    private void Settle(string itemId, DateTimeOffset at, int redemptions, long points, int refunds, long refunded)
    {
        var day = ParkClock.DayOf(at, S.TimeZone);
        var settlement = S.Days.GetValueOrDefault(day) ?? new Settlement(MerchantId, day, 0, 0, 0, 0, []);
        var line = settlement.Items.FirstOrDefault(i => i.ItemId == itemId) ?? new ItemSettlement(itemId, S.Items[itemId].Spec.Name, 0, 0, 0, 0);
        line = line with { Redemptions = line.Redemptions + redemptions, Points = line.Points + points, Refunds = line.Refunds + refunds, RefundedPoints = line.RefundedPoints + refunded };
        S.Days[day] = settlement with
        {
            Redemptions = settlement.Redemptions + redemptions,
            Points = settlement.Points + points,
            Refunds = settlement.Refunds + refunds,
            RefundedPoints = settlement.RefundedPoints + refunded,
            Items = [.. settlement.Items.Where(i => i.ItemId != itemId), line],
        };
        foreach (var old in S.Days.Keys.Where(d => d < day.AddDays(-KeptDays)).ToList())
        {
            S.Days.Remove(old);
        }
    }

    /// <summary>The merchant's log of stock moves (restocks, returns) now.</summary>
    private Idempotency<CatalogItem> Moves()
    {
        var moves = new Idempotency<CatalogItem>(S.Moves, $"merchant/{MerchantId}", GrainFactory, idempotency.Value.Window, clock.UtcNow);
        if (S.AppliedMoves.Count > 0)
        {
            moves.Adopt(S.AppliedMoves.Select(m => (m, (CatalogItem?)null)));
            S.AppliedMoves.Clear();
        }

        return moves;
    }
}
