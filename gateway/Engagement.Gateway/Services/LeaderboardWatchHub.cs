using System.Threading.Channels;
using Orleans.Streams;

namespace Engagement.Gateway;

/// <summary>
/// One stream subscription per watched board in this gateway, however many leaders watch it: updates fan out to
/// each watcher's one-slot channel (a slow watcher gets only the newest top). The last watcher to leave unsubscribes.
/// </summary>
public sealed class LeaderboardWatchHub(IClusterClient cluster)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Board> _boards = new(StringComparer.Ordinal);

    /// <summary>Joins the watchers of a board; dispose the result to leave.</summary>
    public async Task<IAsyncDisposable> JoinAsync(string boardKey, Channel<BoardPage> watcher)
    {
        Board board;
        lock (_gate)
        {
            if (!_boards.TryGetValue(boardKey, out board!))
            {
                board = new Board();
                _boards[boardKey] = board;
                board.Subscription = cluster.GetStreamProvider(StorageNames.Streams)
                    .GetStream<BoardPage>(StreamId.Create(StreamNamespaces.LeaderboardTop, boardKey))
                    .SubscribeAsync((page, _) => board.BroadcastAsync(page));
            }

            lock (board.Watchers)
            {
                board.Watchers.Add(watcher);
            }
        }

        await board.Subscription;
        return new Leave(this, boardKey, board, watcher);
    }

    /// <summary>Boards with at least one watcher in this gateway (one stream subscription each).</summary>
    public int WatchedBoards
    {
        get
        {
            lock (_gate)
            {
                return _boards.Count;
            }
        }
    }

    private async Task LeaveAsync(string boardKey, Board board, Channel<BoardPage> watcher)
    {
        bool last;
        lock (_gate)
        {
            lock (board.Watchers)
            {
                board.Watchers.Remove(watcher);
                last = board.Watchers.Count == 0;
            }

            if (last)
            {
                _boards.Remove(boardKey);
            }
        }

        if (last)
        {
            await (await board.Subscription).UnsubscribeAsync();
        }
    }

    private sealed class Board
    {
        public List<Channel<BoardPage>> Watchers { get; } = [];

        public Task<StreamSubscriptionHandle<BoardPage>> Subscription { get; set; } = null!;

        public Task BroadcastAsync(BoardPage page)
        {
            Channel<BoardPage>[] watchers;
            lock (Watchers)
            {
                watchers = [.. Watchers];
            }

            foreach (var watcher in watchers)
            {
                watcher.Writer.TryWrite(page);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class Leave(LeaderboardWatchHub hub, string boardKey, Board board, Channel<BoardPage> watcher) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(hub.LeaveAsync(boardKey, board, watcher));
    }
}
