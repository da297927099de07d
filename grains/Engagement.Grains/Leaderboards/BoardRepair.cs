namespace Engagement;

/// <summary>
/// What a board reads back from the ledger (the truth) when the stream did not deliver: the member's entries it never
/// got, back to the start of its period, as far as they were earned in its scope; and which entries count in its period.
/// </summary>
internal sealed class BoardRepair(IGrainFactory grains, string boardKey, BoardAudience audience)
{
    private readonly (BoardScope Scope, string ScopeId, string PeriodKey) _board = BoardKeys.Parse(boardKey);

    /// <summary>Boards rank what members earned in the period: spending (redemptions, refunds) does not move them.</summary>
    public bool Counts(LedgerEntry entry) => ActivityLedger.IsRanked(entry.Kind) && PeriodKeyOf(entry) == _board.PeriodKey;

    /// <summary>Whether the park's calendar has moved past this board's period at <paramref name="now"/>.</summary>
    public bool Ended(DateTimeOffset now) =>
        string.CompareOrdinal(BoardKeys.PeriodKey(BoardKeys.PeriodOf(_board.PeriodKey), ParkClock.DayOf(now, audience.TimeZone)), _board.PeriodKey) > 0;

    /// <summary>
    /// The member's entries after <paramref name="after"/> and below <paramref name="beforeSequence"/>, oldest first,
    /// read from the ledger back to the start of this board's period, keeping those earned in this board's scope.
    /// </summary>
    public async Task<List<LedgerEntry>> MissingAsync(string memberId, long beforeSequence, long after) =>
        await EarnedHereAsync(memberId, await LedgerCatchUp.MissingAsync(grains, memberId, beforeSequence, after,
            e => string.CompareOrdinal(PeriodKeyOf(e), _board.PeriodKey) < 0));

    /// <summary>
    /// Entries count on a branch or committee board only for the time the member belonged to it: a transferred
    /// member's points count for the new branch from the move on and stay with the old one before; a move between two
    /// branches of one committee keeps them all on the committee's board.
    /// </summary>
    private async Task<List<LedgerEntry>> EarnedHereAsync(string memberId, List<LedgerEntry> entries)
    {
        var (scope, scopeId, _) = _board;
        if (entries.Count == 0 || scope is BoardScope.ParkMembers or BoardScope.CommitteeBranches)
        {
            return entries;
        }

        return scope == BoardScope.BranchMembers
            ? await LedgerCatchUp.WhileMemberOfAsync(grains, memberId, entries, profile => profile.BranchId == scopeId)
            : await LedgerCatchUp.WhileMemberOfAsync(grains, memberId, entries, profile => profile.CommitteeId == scopeId,
                profile => profile.CommitteeBeforeTransfer == scopeId);
    }

    private string PeriodKeyOf(LedgerEntry entry) =>
        BoardKeys.PeriodKey(BoardKeys.PeriodOf(_board.PeriodKey), ParkClock.DayOf(entry.CreatedAt, audience.TimeZone));
}
