namespace Engagement;

/// <summary>Base of our grains: one way to persist state that never leaves a failed write in memory.</summary>
public abstract class EngagementGrain : Grain
{
    /// <summary>
    /// Writes <paramref name="state"/>. If the write fails (storage down, ETag conflict) the activation is retired,
    /// so the next call re-reads what is really stored instead of trusting changes that were never acknowledged.
    /// </summary>
    protected internal async Task SaveAsync<T>(IPersistentState<T> state)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }
}
