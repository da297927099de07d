namespace Engagement;

/// <summary>Finds when a member last earned points, reading their ledger from the newest entry back, never the whole of it.</summary>
internal static class LastActivity
{
    private const int Batch = 16;

    /// <summary>
    /// The time of the newest earning entry (kinds 1–7) created at or after <paramref name="notBefore"/>; null when
    /// there is none. Stops at the first earning entry or the first entry older than <paramref name="notBefore"/>.
    /// </summary>
    public static async Task<DateTimeOffset?> FindAsync(IMemberGrainInternal member, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        var before = long.MaxValue;
        while (true)
        {
            var slice = await member.ReadLedgerAsync(Batch, before, cancellationToken);
            foreach (var entry in slice.Entries)
            {
                if (entry.CreatedAt < notBefore)
                {
                    return null;
                }

                if (ActivityLedger.IsEarning(entry.Kind))
                {
                    return entry.CreatedAt;
                }
            }

            if (slice.NextBefore is not { } next || slice.Entries.Count == 0)
            {
                return null;
            }

            before = next;
        }
    }
}
