using System.Reflection;
using System.Threading.Channels;
using Engagement.Gateway;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engagement.EndToEnd;

/// <summary>The gateway's relay from watched grains to watchers, against a grain that fails, recovers and is re-created.</summary>
public sealed class LiveHubTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ASubscriptionThatFailedOnceIsForgottenSoTheNextWatchSucceeds()
    {
        var grain = new FakeWatchable { FailNext = true };
        var hub = new LiveHub(LocalObjects.Factory(), new Microsoft.Extensions.Hosting.Internal.ApplicationLifetime(NullLogger<Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>.Instance), NullLogger<LiveHub>.Instance);
        var first = Channel.CreateUnbounded<string>();
        var second = Channel.CreateUnbounded<string>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => hub.JoinAsync(grain, first.Writer));
        var watchersAfterFailure = hub.Watched;
        await using (await hub.JoinAsync(grain, second.Writer))
        {
            await grain.PushAsync("新的积分");
            Assert.Equal("现状", await Next(second.Reader));
            Assert.Equal("新的积分", await Next(second.Reader));
        }

        Assert.Equal(0, watchersAfterFailure);
        Assert.Equal(0, hub.Watched);
        Assert.Equal(0, grain.Subscribers);
    }

    [Fact]
    public async Task WatchersOfOneGrainShareOneSubscriptionAndARecreatedGrainIsFoundByTheRenewal()
    {
        var grain = new FakeWatchable();
        var hub = new LiveHub(LocalObjects.Factory(), new Microsoft.Extensions.Hosting.Internal.ApplicationLifetime(NullLogger<Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>.Instance), NullLogger<LiveHub>.Instance);
        var a = Channel.CreateUnbounded<string>();
        var b = Channel.CreateUnbounded<string>();
        await using var joinedA = await hub.JoinAsync(grain, a.Writer);
        await using var joinedB = await hub.JoinAsync(grain, b.Writer);
        Assert.Equal("现状", await Next(a.Reader));

        // The grain's activation died with its subscriptions and state; a new one has another state.
        grain.Recreate("重建后的现状");

        Assert.Equal("重建后的现状", await Next(a.Reader, skip: "现状"));
        Assert.Equal("重建后的现状", await Next(b.Reader, skip: "现状"));
        Assert.Equal(1, hub.Watched);
        Assert.Equal(1, grain.Subscribers);
    }

    private static async Task<string> Next(ChannelReader<string> reader, string? skip = null)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        while (true)
        {
            var item = await reader.ReadAsync(timeout.Token);
            if (item != skip)
            {
                return item;
            }
        }
    }

    /// <summary>A watchable grain in memory: its state, its subscribers (as a grain's watchers), a failure on demand.</summary>
    private sealed class FakeWatchable : IWatchable<string>
    {
        private readonly HashSet<IWatcher<string>> _watchers = [];
        private string _state = "现状";

        public bool FailNext { get; set; }

        public int Subscribers
        {
            get
            {
                lock (_watchers)
                {
                    return _watchers.Count;
                }
            }
        }

        public void Recreate(string state)
        {
            lock (_watchers)
            {
                _watchers.Clear();
                _state = state;
            }
        }

        public Task PushAsync(string item)
        {
            IWatcher<string>[] watchers;
            lock (_watchers)
            {
                watchers = [.. _watchers];
            }

            return Task.WhenAll(watchers.Select(w => w.OnNextAsync(item)));
        }

        public Task<string?> WatchAsync(IWatcher<string> watcher, CancellationToken cancellationToken = default)
        {
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("the grain's silo is gone");
            }

            lock (_watchers)
            {
                _watchers.Add(watcher);
                return Task.FromResult<string?>(_state);
            }
        }

        public Task UnwatchAsync(IWatcher<string> watcher, CancellationToken cancellationToken = default)
        {
            lock (_watchers)
            {
                _watchers.Remove(watcher);
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>A grain factory whose object references are the local objects themselves (all the hub asks of it).</summary>
#pragma warning disable CA1852 // DispatchProxy derives from it at run time: it cannot be sealed
    private class LocalObjects : DispatchProxy
#pragma warning restore CA1852
    {
        public static IGrainFactory Factory() => Create<IGrainFactory, LocalObjects>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
        {
            nameof(IGrainFactory.CreateObjectReference) => args![0],
            nameof(IGrainFactory.DeleteObjectReference) => null,
            _ => throw new NotSupportedException(targetMethod?.Name),
        };
    }
}
