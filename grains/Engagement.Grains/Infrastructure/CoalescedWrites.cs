namespace Engagement;

/// <summary>
/// One grain state written by requests that interleave: a change made while a write is in flight rides on the next
/// write, which starts as soon as that one is done and carries every change made meanwhile (one write for many
/// requests instead of one write each, taking turns). Each caller is answered only after a write that started after
/// its change committed, so nothing is acknowledged before it is durable.
/// <para>
/// Rules for the grain: change the state synchronously (no await between reading what a change depends on and making
/// it), then await <see cref="SaveAsync"/>; every write of this state goes through here (two writes of one state at
/// once would conflict on its version). If a write fails, the activation retires (as <see cref="EngagementGrain.SaveAsync{T}"/>)
/// and every later save here fails too: changes made in memory after a failure are never acknowledged.
/// </para>
/// </summary>
internal sealed class CoalescedWrites<T>(EngagementGrain grain, IPersistentState<T> state)
{
    private bool _writing;
    private TaskCompletionSource? _next;
    private Exception? _failed;

    /// <summary>Makes every change made so far durable: now, or with the next write if one is in flight.</summary>
    public Task SaveAsync()
    {
        if (_failed is not null)
        {
            return Task.FromException(new InvalidOperationException("An earlier write of this state failed; the activation is retiring.", _failed));
        }

        return _writing ? (_next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task : WriteAsync();
    }

    /// <summary>
    /// Completes when every change made so far is durable (at once when no write is in flight): for answers that read
    /// the state, so none shows a change before it is durable. Read the state without an await after it.
    /// </summary>
    public async Task DurableAsync()
    {
        // Again after each wait: a change made just before this continuation ran rides on a write that is still going.
        while (_writing || _failed is not null)
        {
            await SaveAsync();
        }
    }

    private async Task WriteAsync()
    {
        _writing = true;
        try
        {
            await grain.SaveAsync(state);
        }
        catch (Exception e)
        {
            _failed = e;
            throw;
        }
        finally
        {
            _writing = false;
            if (_next is { } next)
            {
                _next = null;
                _ = FollowAsync(next, SaveAsync());
            }
        }
    }

    private static async Task FollowAsync(TaskCompletionSource waiting, Task write)
    {
        try
        {
            await write;
            waiting.SetResult();
        }
        catch (Exception e)
        {
            waiting.SetException(e);
        }
    }
}
