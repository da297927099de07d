using Orleans.Streams;

namespace Engagement;

[GrainType("leaderboard-feed"), ImplicitStreamSubscription(StreamNamespaces.PointsMoved)]
public sealed class LeaderboardFeedGrain : Grain, ILeaderboardFeedGrain
{
    private static readonly BoardPeriod[] Periods = Enum.GetValues<BoardPeriod>();
    private string _timeZone = ParkClock.DefaultTimeZone;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parkId = this.GetPrimaryKeyString();
        _timeZone = (await GrainFactory.GetGrain<IParkGrain>(parkId).GetInfoAsync(cancellationToken)).TimeZone;
        var stream = this.GetStreamProvider(StorageNames.Streams).GetStream<PointsMoved>(StreamId.Create(StreamNamespaces.PointsMoved, parkId));
        await stream.SubscribeAsync((moved, _) => ApplyAsync(moved));
    }

    /// <summary>
    /// Every ranked entry goes to the boards (they keep each member's sequence to notice lost events); spending moves
    /// no board, so redemptions and refunds cost the boards nothing (15 grain calls fewer per confirmed redemption).
    /// </summary>
    private Task ApplyAsync(PointsMoved moved)
    {
        var entry = moved.Entry;
        if (!ActivityLedger.IsRanked(entry.Kind))
        {
            return Task.CompletedTask;
        }

        var day = ParkClock.DayOf(entry.CreatedAt, _timeZone);
        var scopes = new[] { (BoardScope.BranchMembers, moved.BranchId), (BoardScope.CommitteeMembers, moved.CommitteeId), (BoardScope.ParkMembers, moved.ParkId) };
        return Task.WhenAll(scopes.SelectMany(scope => Periods.Select(period =>
            GrainFactory.GetGrain<ILeaderboardGrain>(BoardKeys.Key(scope.Item1, scope.Item2, BoardKeys.PeriodKey(period, day)))
                .ApplyAsync(entry, moved.PreviousRanked))));
    }
}
