using Orleans.Streams;

namespace Engagement;

[GrainType("points-feed"), ImplicitStreamSubscription(StreamNamespaces.PointsMoved)]
public sealed class PointsFeedGrain : Grain, IPointsFeedGrain
{
    private static readonly BoardPeriod[] Periods = Enum.GetValues<BoardPeriod>();
    private string? _timeZone;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(StorageNames.Streams).GetStream<PointsMoved>(StreamId.Create(StreamNamespaces.PointsMoved, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync((moved, _) => ApplyAsync(moved));
    }

    /// <summary>
    /// Analytics count every entry (spending too); boards rank what was earned, so redemptions and refunds cost the
    /// boards nothing. The batcher is local (a stateless worker): queuing costs no network hop.
    /// </summary>
    private async Task ApplyAsync(PointsMoved moved)
    {
        _timeZone ??= (await GrainFactory.GetGrain<IParkGrainInternal>(moved.ParkId).GetInfoAsync()).TimeZone;
        var entry = moved.Entry;
        var day = ParkClock.DayOf(entry.CreatedAt, _timeZone);
        var analytics = GrainFactory.GetGrain<IBranchDayGrain>(ActivityKeys.BranchDay(moved.BranchId, day)).ApplyAsync(entry);
        if (ActivityLedger.IsRanked(entry.Kind))
        {
            (BoardScope Scope, string Id)[] scopes = [(BoardScope.BranchMembers, moved.BranchId), (BoardScope.CommitteeMembers, moved.CommitteeId), (BoardScope.ParkMembers, moved.ParkId)];
            string[] boards = [.. scopes.SelectMany(scope => Periods.Select(period => BoardKeys.RankingOf(BoardKeys.Key(scope.Scope, scope.Id, BoardKeys.PeriodKey(period, day)), entry.MemberId)))];
            await GrainFactory.GetGrain<IBoardBatcherGrain>(0).EnqueueAsync(boards, new BoardUpdate(entry, moved.PreviousRanked, moved.Name));
        }

        await analytics;
    }
}
