namespace Engagement;

/// <summary>
/// How derived state (leaderboards, analytics) reads back from the ledger what the points stream did not deliver.
/// The ledger is the truth; these reads never scan more than the window the caller keeps.
/// </summary>
internal static class LedgerCatchUp
{
    /// <summary>
    /// The member's entries with <paramref name="after"/> &lt; sequence &lt; <paramref name="beforeSequence"/>, oldest
    /// first, read newest-first and stopping at the first entry that <paramref name="beforeWindow"/> says is older than
    /// what the caller keeps.
    /// </summary>
    public static async Task<List<LedgerEntry>> MissingAsync(
        IGrainFactory grains, string memberId, long beforeSequence, long after, Func<LedgerEntry, bool> beforeWindow)
    {
        var member = grains.GetGrain<IMemberGrainInternal>(memberId);
        var missing = new List<LedgerEntry>();
        var before = beforeSequence;
        while (before > after + 1)
        {
            var slice = await member.ReadLedgerAsync(100, before);
            var newer = slice.Entries.Where(e => e.Sequence > after).ToList();
            missing.AddRange(newer);
            if (newer.Count < slice.Entries.Count || slice.NextBefore is null || newer.Count == 0 || beforeWindow(newer[^1]))
            {
                break;
            }

            before = slice.NextBefore.Value;
        }

        missing.Reverse();
        return missing;
    }

    /// <summary>
    /// The entries made while the member belonged to a unit (a branch or committee): a transferred member's entries
    /// count for the new unit from the move on and stay with the old one before it. <paramref name="belongsNow"/> says
    /// whether the member's current profile is in the unit; <paramref name="belongedBefore"/> (when given) whether the
    /// member was in it before their last transfer too (a move between two branches of one committee), in which case
    /// every entry counts.
    /// </summary>
    public static async Task<List<LedgerEntry>> WhileMemberOfAsync(
        IGrainFactory grains, string memberId, List<LedgerEntry> entries, Func<MemberProfile, bool> belongsNow, Func<MemberProfile, bool>? belongedBefore = null)
    {
        if (entries.Count == 0)
        {
            return entries;
        }

        var profile = await grains.GetGrain<IMemberGrainInternal>(memberId).GetMembershipAsync();
        var inUnit = belongsNow(profile);
        if (inUnit && belongedBefore is not null && belongedBefore(profile))
        {
            return entries;
        }

        return [.. entries.Where(e => profile.MadeWhileIn(e, inUnit))];
    }
}
