using Microsoft.Extensions.Logging;

namespace Engagement;

[GrainType("board-batcher"), StatelessWorker(1)]
public sealed partial class BoardBatcherGrain(ILogger<BoardBatcherGrain> logger) : Grain, IBoardBatcherGrain
{
    /// <summary>A batch a board refused (its silo died mid-call) is tried again this many times before the boards' own repair takes over.</summary>
    private const int Attempts = 3;

    private Dictionary<string, List<BoardUpdate>> _pending = new(StringComparer.Ordinal);
    private IGrainTimer? _flush;

    public Task EnqueueAsync(IReadOnlyList<string> boardKeys, BoardUpdate update)
    {
        foreach (var key in boardKeys)
        {
            if (!_pending.TryGetValue(key, out var updates))
            {
                _pending[key] = updates = [];
            }

            updates.Add(update);
        }

        _flush ??= this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(IBoardBatcherGrain.Window, Timeout.InfiniteTimeSpan) { Interleave = true });
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => FlushAsync(cancellationToken);

    /// <summary>
    /// Sends every board what it got in the window, all boards at once. New updates meanwhile start the next window
    /// (the flush interleaves with queuing). A board that could not be reached is sent its batch again one window
    /// later (a newer batch may overtake it: the board then reads the gap back from the ledger and ignores the retry);
    /// after <see cref="Attempts"/> the board's own repair (gap detection, reconcile) makes it exact.
    /// </summary>
    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        _flush?.Dispose();
        _flush = null;
        var batches = _pending;
        _pending = new(StringComparer.Ordinal);
        await Task.WhenAll(batches.Select(batch => SendAsync(batch.Key, batch.Value, Attempts)));
    }

    private async Task SendAsync(string boardKey, List<BoardUpdate> updates, int attempts)
    {
        try
        {
            await GrainFactory.Board<ILeaderboardGrainInternal>(boardKey).ApplyBatchAsync(updates);
        }
        catch (Exception e)
        {
            LogSendFailed(e, boardKey, updates.Count, attempts - 1);
            if (attempts > 1)
            {
                await Task.Delay(IBoardBatcherGrain.Window);
                await SendAsync(boardKey, updates, attempts - 1);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Board {Board} refused {Count} updates; {Left} attempts left")]
    private partial void LogSendFailed(Exception exception, string board, int count, int left);
}
