namespace Engagement;

/// <summary>
/// A gateway's end of a live relay (a grain observer): the watched grain pushes every change to it. Pushes are one-way
/// and may be lost (a gateway that died, a silo that died); the gateway re-subscribes every
/// <see cref="LiveWatch.Renew"/> and takes the state the subscription returns as the truth.
/// </summary>
[Alias("engagement.IWatcher`1")]
public interface IWatcher<T> : IGrainObserver
{
    [OneWay]
    Task OnNextAsync(T item);
}

/// <summary>
/// A grain whose changes can be watched live. Nothing of a subscription is stored: a subscription lives as long as
/// the activation and is renewed by the gateway, so a grain re-created after a restart (or on another silo) is
/// subscribed again within one renewal, and no runtime state has to be read back after a restart.
/// </summary>
[Alias("engagement.IWatchable`1")]
public interface IWatchable<T> : IAddressable
{
    /// <summary>Subscribes (or renews) <paramref name="watcher"/>; returns the current state, or null where there is none (a feed).</summary>
    Task<T?> WatchAsync(IWatcher<T> watcher, CancellationToken cancellationToken = default);

    /// <summary>Ends the subscription (best effort: an unrenewed one lapses after <see cref="LiveWatch.Lease"/>).</summary>
    Task UnwatchAsync(IWatcher<T> watcher, CancellationToken cancellationToken = default);
}

/// <summary>Timings of live subscriptions.</summary>
public static class LiveWatch
{
    /// <summary>How often a gateway renews each subscription (and so how fast it finds a re-created grain).</summary>
    public static readonly TimeSpan Renew = TimeSpan.FromSeconds(2);

    /// <summary>A subscription not renewed for this long is dropped by the grain (its gateway is gone).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
}
