namespace Engagement;

/// <summary>
/// What one member's ledger entries of one day in one branch add up to, per ledger kind (arrays indexed by the
/// kind's number, <see cref="ActivityKeys.KindSlots"/> long). Amounts are signed as in the ledger (redemptions negative).
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.MemberDay")]
public sealed record MemberDay(
    [property: Id(0)] string MemberId,
    [property: Id(1)] long[] Points,
    [property: Id(2)] int[] Entries)
{
    public static MemberDay Empty(string memberId) => new(memberId, new long[ActivityKeys.KindSlots], new int[ActivityKeys.KindSlots]);

    /// <summary>At least one earning entry that day.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Active => EarningEntries > 0;

    [System.Text.Json.Serialization.JsonIgnore]
    public long Earned => Sum(Points);

    [System.Text.Json.Serialization.JsonIgnore]
    public int EarningEntries => (int)Sum(Entries.Select(e => (long)e).ToArray());

    public long PointsOf(LedgerEntryKind kind) => Points[(int)kind];

    public int EntriesOf(LedgerEntryKind kind) => Entries[(int)kind];

    /// <summary>A copy with <paramref name="entry"/> added.</summary>
    public MemberDay With(LedgerEntry entry)
    {
        var points = (long[])Points.Clone();
        var entries = (int[])Entries.Clone();
        points[(int)entry.Kind] += entry.Amount;
        entries[(int)entry.Kind]++;
        return this with { Points = points, Entries = entries };
    }

    private static long Sum(long[] values)
    {
        long sum = 0;
        for (var kind = (int)LedgerEntryKind.CheckIn; kind <= (int)LedgerEntryKind.EventRemote; kind++)
        {
            sum += values[kind];
        }

        return sum;
    }
}
