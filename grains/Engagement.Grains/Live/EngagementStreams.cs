using Orleans.Streams;

namespace Engagement;

/// <summary>How every silo (and the in-process test cluster) sets up the points stream.</summary>
public static class EngagementStreams
{
    /// <summary>
    /// Memory streams whose only subscribers are implicit (the points feeds, by stream namespace): the runtime keeps
    /// no pub-sub state, so nothing of the streams' bookkeeping is stored and nothing has to be read back after a
    /// restart. Live watches do not use streams at all (grain observers, see <see cref="IWatchable{T}"/>).
    /// </summary>
    public static ISiloBuilder AddEngagementStreams(this ISiloBuilder silo) =>
        silo.AddMemoryStreams(StorageNames.Streams, streams => streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));
}
