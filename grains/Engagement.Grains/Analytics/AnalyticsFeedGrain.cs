using Orleans.Streams;

namespace Engagement;

/// <summary>
/// Routes every ledger movement of a park (its <see cref="StreamNamespaces.PointsMoved"/> stream) to the branch-day
/// grain of the branch the member was in and the park-local day of the entry.
/// </summary>
[GrainType("analytics-feed"), ImplicitStreamSubscription(StreamNamespaces.PointsMoved)]
public sealed class AnalyticsFeedGrain : Grain, IAnalyticsFeedGrain
{
    private string _timeZone = ParkClock.DefaultTimeZone;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var parkId = this.GetPrimaryKeyString();
        _timeZone = (await GrainFactory.GetGrain<IParkGrain>(parkId).GetInfoAsync(cancellationToken)).TimeZone;
        var stream = this.GetStreamProvider(StorageNames.Streams).GetStream<PointsMoved>(StreamId.Create(StreamNamespaces.PointsMoved, parkId));
        await stream.SubscribeAsync((moved, _) => GrainFactory
            .GetGrain<IBranchDayGrain>(ActivityKeys.BranchDay(moved.BranchId, ParkClock.DayOf(moved.Entry.CreatedAt, _timeZone)))
            .ApplyAsync(moved.Entry));
    }
}
