namespace Engagement;

/// <summary>Every change of a redemption's state, for the member's app watching it (stream key: redemption id).</summary>
public static class RedemptionStatusStream
{
    public static async Task PublishAsync(Grain grain, RedemptionView view)
    {
        var stream = grain.GetStreamProvider(StorageNames.Streams).GetStream<RedemptionView>(StreamId.Create(StreamNamespaces.RedemptionStatus, view.RedemptionId));
        await stream.OnNextAsync(view);
    }
}
