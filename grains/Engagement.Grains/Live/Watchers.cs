using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Engagement;

/// <summary>
/// The gateways watching one grain: leased subscriptions (renewed by each gateway, dropped when not renewed or when a
/// push fails), pushed to one-way. Held in memory only.
/// </summary>
public sealed class Watchers<T>(ILogger logger)
{
    private readonly ObserverManager<IWatcher<T>> _observers = new(LiveWatch.Lease, logger);

    public int Count => _observers.Count;

    /// <summary>How many subscriptions are still renewed (lapsed ones are dropped first).</summary>
    public int Active
    {
        get
        {
            _observers.ClearExpired();
            return _observers.Count;
        }
    }

    public void Add(IWatcher<T> watcher) => _observers.Subscribe(watcher, watcher);

    public void Remove(IWatcher<T> watcher) => _observers.Unsubscribe(watcher);

    public void Push(T item)
    {
        if (_observers.Count > 0)
        {
            _observers.Notify(w => w.OnNextAsync(item));
        }
    }
}
