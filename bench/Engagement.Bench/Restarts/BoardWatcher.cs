using Engagement.V1;
using Grpc.Core;

namespace Engagement.Bench;

/// <summary>
/// A WatchLeaderboard stream held for a whole run, as a big screen in the park holds one: every update goes on the
/// timeline and to <see cref="Updated"/>; when the stream fails or ends it is counted as a watch error and opened
/// again (with the last version received) until the run ends. Through a gateway that stays up, a board whose silo
/// restarts or dies should cost no error at all: the gateway finds the board again by itself.
/// </summary>
public sealed class BoardWatcher : IAsyncDisposable
{
    private readonly V1.LeaderboardService.LeaderboardServiceClient _boards;
    private readonly WatchLeaderboardRequest _request;
    private readonly Metadata _headers;
    private readonly Timeline _timeline;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _reading = Task.CompletedTask;
    private int _errors;
    private int _attempts;
    private bool _connected;

    private BoardWatcher(V1.LeaderboardService.LeaderboardServiceClient boards, WatchLeaderboardRequest request, Metadata headers, Timeline timeline)
    {
        _boards = boards;
        _request = request;
        _headers = headers;
        _timeline = timeline;
    }

    /// <summary>How many entries the watch shows at most.</summary>
    public int Top => _request.Top;

    /// <summary>The newest update.</summary>
    public WatchLeaderboardResponse? Latest { get; private set; }

    /// <summary>Called with each update and the timeline's time it arrived.</summary>
    public event Action<WatchLeaderboardResponse, TimeSpan>? Updated;

    /// <summary>Streams that failed or ended after delivering updates (each outage once, however many attempts it took to reconnect).</summary>
    public int Errors => Volatile.Read(ref _errors);

    /// <summary>Reconnect attempts that failed (while the node was not back yet).</summary>
    public int FailedReconnects => Volatile.Read(ref _attempts);

    /// <summary>Opens the watch and returns after its first update (the board's snapshot).</summary>
    public static async Task<BoardWatcher> OpenAsync(V1.LeaderboardService.LeaderboardServiceClient boards, WatchLeaderboardRequest request, Metadata headers, Timeline timeline)
    {
        var watcher = new BoardWatcher(boards, request, headers, timeline);
        watcher._reading = watcher.ReadAsync();
        await watcher._first.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return watcher;
    }

    /// <summary>Waits until the newest update satisfies <paramref name="ok"/>; false when the deadline passes first.</summary>
    public async Task<bool> UntilAsync(Func<WatchLeaderboardResponse, bool> ok, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (DateTime.UtcNow < until)
        {
            if (Latest is { } latest && ok(latest))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return Latest is { } last && ok(last);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var request = _request.Clone();
            request.LastVersion = Latest?.Version ?? 0;
            try
            {
                using var call = _boards.WatchLeaderboard(request, _headers, cancellationToken: _stop.Token);
                while (await call.ResponseStream.MoveNext(_stop.Token))
                {
                    Latest = call.ResponseStream.Current;
                    _connected = true;
                    _timeline.WatchUpdate();
                    Updated?.Invoke(Latest, _timeline.Now);
                    _first.TrySetResult();
                }

                Failed("ended");
            }
            catch (RpcException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (RpcException e)
            {
                Failed(e.StatusCode.ToString());
            }

            try
            {
                await Task.Delay(500, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Failed(string status)
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        if (!_connected)
        {
            Interlocked.Increment(ref _attempts);
            return;
        }

        _connected = false;
        Interlocked.Increment(ref _errors);
        _timeline.WatchError(status);
        Console.Error.WriteLine($"[{_timeline.Now.TotalSeconds,6:F1} s]   watch: {status}, reconnecting");
    }
}
