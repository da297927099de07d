using System.Collections.Concurrent;

namespace Engagement;

[GrainType("board-locator"), StatelessWorker]
public sealed class BoardLocatorGrain(DomainClock clock) : Grain, IBoardLocatorGrain
{
    /// <summary>
    /// The time zone of each scope this worker has located. A branch or committee never changes park and a park never
    /// changes time zone, so the answer is final; remembering it saves one or two grain calls on every leaderboard
    /// query (the rank-query profile). Only scopes that exist are remembered (a missing one throws NotFound each time).
    /// </summary>
    private readonly ConcurrentDictionary<(BoardScope Scope, string ScopeId), string> _timeZones = new();

    public async Task<string> LocateAsync(BoardScope scope, string scopeId, BoardPeriod period, string? periodKey, CancellationToken cancellationToken = default)
    {
        if (periodKey is null)
        {
            if (!_timeZones.TryGetValue((scope, scopeId), out var timeZone))
            {
                var parkId = scope switch
                {
                    BoardScope.BranchMembers => (await GrainFactory.GetGrain<IBranchGrainInternal>(scopeId).GetInfoAsync(cancellationToken)).ParkId,
                    BoardScope.CommitteeMembers or BoardScope.CommitteeBranches => (await GrainFactory.GetGrain<ICommitteeGrainInternal>(scopeId).GetInfoAsync(cancellationToken)).ParkId,
                    _ => scopeId,
                };
                timeZone = (await GrainFactory.GetGrain<IParkGrainInternal>(parkId).GetInfoAsync(cancellationToken)).TimeZone;
                _timeZones[(scope, scopeId)] = timeZone;
            }

            periodKey = BoardKeys.PeriodKey(period, ParkClock.DayOf(clock.UtcNow, timeZone));
        }

        return BoardKeys.Key(scope, scopeId, periodKey);
    }
}
