namespace Engagement;

[GrainType("board-locator"), StatelessWorker]
public sealed class BoardLocatorGrain(DomainClock clock) : Grain, IBoardLocatorGrain
{
    public async Task<string> LocateAsync(BoardScope scope, string scopeId, BoardPeriod period, string? periodKey, CancellationToken cancellationToken = default)
    {
        if (periodKey is null)
        {
            var parkId = scope switch
            {
                BoardScope.BranchMembers => (await GrainFactory.GetGrain<IBranchGrain>(scopeId).GetInfoAsync(cancellationToken)).ParkId,
                BoardScope.CommitteeMembers or BoardScope.CommitteeBranches => (await GrainFactory.GetGrain<ICommitteeGrain>(scopeId).GetInfoAsync(cancellationToken)).ParkId,
                _ => scopeId,
            };
            var park = await GrainFactory.GetGrain<IParkGrain>(parkId).GetInfoAsync(cancellationToken);
            periodKey = BoardKeys.PeriodKey(period, ParkClock.DayOf(clock.UtcNow, park.TimeZone));
        }

        return BoardKeys.Key(scope, scopeId, periodKey);
    }
}
