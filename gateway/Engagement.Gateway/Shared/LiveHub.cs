using System.Threading.Channels;

namespace Engagement.Gateway;

/// <summary>
/// The one relay from watched grains to gRPC server streams (leaderboards, redemption status, notice feeds). A gateway
/// holds one subscription per watched grain however many clients watch it; each change fans out to every watcher's
/// channel. The subscription is a leased grain observer renewed every <see cref="LiveWatch.Renew"/>; each renewal
/// returns the grain's current state, which is relayed too, so a grain re-created after a restart or on another silo
/// is found again and its watchers get its state within one renewal. Nothing is stored. A subscription that failed is
/// forgotten at once: the next watch of that grain tries afresh. When the node starts stopping, every watch ends at
/// once with UNAVAILABLE (<see cref="NextAsync"/>), so the client watches again elsewhere (or here, once the node is
/// back) instead of a held stream keeping the node from stopping until the host's shutdown timeout.
/// </summary>
public sealed partial class LiveHub(IGrainFactory grains, IHostApplicationLifetime lifetime, ILogger<LiveHub> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(Type, IAddressable), IRelay> _relays = []; // grain references are equal by grain id

    /// <summary>Grains with at least one watcher in this gateway (one subscription each).</summary>
    public int Watched
    {
        get
        {
            lock (_gate)
            {
                return _relays.Count;
            }
        }
    }

    /// <summary>
    /// Adds <paramref name="watcher"/> to the watchers of <paramref name="grain"/> and returns once the grain knows of
    /// this gateway (so nothing published after the return is missed); dispose the result to leave.
    /// </summary>
    public async Task<IAsyncDisposable> JoinAsync<T>(IWatchable<T> grain, ChannelWriter<T> watcher)
    {
        (Type, IAddressable) id = (typeof(T), grain);
        Relay<T> relay;
        lock (_gate)
        {
            if (_relays.TryGetValue(id, out var existing))
            {
                relay = (Relay<T>)existing;
                relay.Add(watcher);
            }
            else
            {
                relay = new Relay<T>(this, grains, grain);
                _relays[id] = relay;
                relay.Add(watcher);
                relay.Start();
            }
        }

        var kind = WatchKind<T>();
        EngagementMetrics.Watch(kind, +1);
        var leave = new Leave(() =>
        {
            EngagementMetrics.Watch(kind, -1);
            return LeaveAsync(id, relay, watcher);
        });
        try
        {
            await relay.Ready;
        }
        catch
        {
            Forget(id, relay);
            await leave.DisposeAsync();
            throw;
        }

        return leave;
    }

    /// <summary>
    /// The next change for a watch stream whose call is <paramref name="call"/>. When the node starts stopping, the
    /// watch ends with UNAVAILABLE instead of waiting (a watch never ends by itself, and ASP.NET Core's shutdown waits
    /// for open requests: a node holding one took the host's full 30 s to stop on SIGTERM, refusing calls meanwhile).
    /// </summary>
    public async ValueTask<T> NextAsync<T>(ChannelReader<T> reader, CancellationToken call)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(call, lifetime.ApplicationStopping);
        try
        {
            return await reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !call.IsCancellationRequested)
        {
            throw ExceptionMapper.ShuttingDown();
        }
    }

    /// <summary>The metric tag of a watch: what is watched.</summary>
    private static string WatchKind<T>() =>
        typeof(T) == typeof(BoardPage) ? "leaderboard" : typeof(T) == typeof(RedemptionView) ? "redemption" : typeof(T) == typeof(Notice) ? "notice" : typeof(T).Name;

    private void Forget((Type, IAddressable) id, IRelay relay)
    {
        lock (_gate)
        {
            if (_relays.TryGetValue(id, out var current) && ReferenceEquals(current, relay))
            {
                _relays.Remove(id);
            }
        }
    }

    private async Task LeaveAsync<T>((Type, IAddressable) id, Relay<T> relay, ChannelWriter<T> watcher)
    {
        bool last;
        lock (_gate)
        {
            last = relay.Remove(watcher);
            if (last)
            {
                Forget(id, relay);
            }
        }

        if (last)
        {
            await relay.StopAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the live subscription to {Grain} failed; trying again in {Renew}")]
    private partial void LogRenewFailed(Exception exception, IAddressable grain, TimeSpan renew);

    private interface IRelay;

    /// <summary>One watched grain: the observer object the grain pushes to, its watchers, and the renewal loop.</summary>
    private sealed class Relay<T>(LiveHub hub, IGrainFactory grains, IWatchable<T> grain) : IRelay, IWatcher<T>, IDisposable
    {
        private readonly List<ChannelWriter<T>> _watchers = [];
        private readonly CancellationTokenSource _stop = new();
        private IWatcher<T> _reference = null!;
        private Task? _renewing;

        public Task Ready { get; private set; } = Task.CompletedTask;

        public void Start()
        {
            // The runtime holds the observer weakly; this relay stays referenced from the hub while it has watchers.
            _reference = grains.CreateObjectReference<IWatcher<T>>(this);
            Ready = SubscribeAsync();
            _renewing = RenewAsync();
        }

        public void Add(ChannelWriter<T> watcher)
        {
            lock (_watchers)
            {
                _watchers.Add(watcher);
            }
        }

        /// <summary>Removes a watcher; true when it was the last one.</summary>
        public bool Remove(ChannelWriter<T> watcher)
        {
            lock (_watchers)
            {
                _watchers.Remove(watcher);
                return _watchers.Count == 0;
            }
        }

        public Task OnNextAsync(T item)
        {
            Broadcast(item);
            return Task.CompletedTask;
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await grain.UnwatchAsync(_reference);
            }
            catch (Exception)
            {
                // Best effort: an unrenewed subscription lapses by itself.
            }

            if (_renewing is not null)
            {
                await _renewing;
            }

            grains.DeleteObjectReference<IWatcher<T>>(_reference);
            Dispose();
        }

        public void Dispose() => _stop.Dispose();

        private async Task SubscribeAsync()
        {
            if (await grain.WatchAsync(_reference) is { } current)
            {
                Broadcast(current);
            }
        }

        private async Task RenewAsync()
        {
            try
            {
                await Ready;
            }
            catch (Exception)
            {
                return; // the joiners were told; the hub forgot this relay
            }

            using var timer = new PeriodicTimer(LiveWatch.Renew);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    try
                    {
                        await SubscribeAsync();
                    }
                    catch (Exception e) when (!_stop.IsCancellationRequested)
                    {
                        hub.LogRenewFailed(e, grain, LiveWatch.Renew);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // stopped: the last watcher left
            }
        }

        private void Broadcast(T item)
        {
            ChannelWriter<T>[] watchers;
            lock (_watchers)
            {
                watchers = [.. _watchers];
            }

            foreach (var watcher in watchers)
            {
                watcher.TryWrite(item);
            }
        }
    }

    private sealed class Leave(Func<Task> leave) : IAsyncDisposable
    {
        private int _left;

        public ValueTask DisposeAsync() => Interlocked.Exchange(ref _left, 1) == 0 ? new(leave()) : ValueTask.CompletedTask;
    }
}
