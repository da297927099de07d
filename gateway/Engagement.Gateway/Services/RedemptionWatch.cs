using System.Threading.Channels;
using Orleans.Streams;

namespace Engagement.Gateway;

/// <summary>
/// Streams one redemption's changes to a watcher: subscribe first, then send the current state, then every newer
/// version until a final state or the end of the call. A bounded channel keeps a slow client from piling up memory.
/// </summary>
public static class RedemptionWatch
{
    public static async Task RunAsync(IClusterClient cluster, string redemptionId, Func<Task<RedemptionView>> current,
        Func<RedemptionView, Task> send, CancellationToken cancellationToken)
    {
        var updates = Channel.CreateBounded<RedemptionView>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest });
        var stream = cluster.GetStreamProvider(StorageNames.Streams).GetStream<RedemptionView>(StreamId.Create(StreamNamespaces.RedemptionStatus, redemptionId));
        var subscription = await stream.SubscribeAsync((view, _) => updates.Writer.WriteAsync(view, CancellationToken.None).AsTask());
        try
        {
            var view = await current();
            await send(view);
            var version = view.Version;
            while (!IsFinal(view.Status))
            {
                view = await updates.Reader.ReadAsync(cancellationToken);
                if (view.Version > version)
                {
                    version = view.Version;
                    await send(view);
                }
            }
        }
        finally
        {
            await subscription.UnsubscribeAsync();
        }
    }

    private static bool IsFinal(RedemptionStatus status) =>
        status is RedemptionStatus.Completed or RedemptionStatus.Cancelled or RedemptionStatus.Expired or RedemptionStatus.Refunded;
}
