namespace Engagement;

/// <summary>The one rule of entity creation: the first key wins; its retry returns the first result; others conflict.</summary>
internal static class CreateOnce
{
    /// <summary>The stored entity when <paramref name="idempotencyKey"/> created it; null when it does not exist yet.</summary>
    public static TInfo? Existing<TInfo>(IPersistentState<EntityState<TInfo>> state, string idempotencyKey, string existsReason, string what)
        where TInfo : class
    {
        if (state.State.Info is not { } existing)
        {
            return null;
        }

        return state.State.CreationKey == idempotencyKey
            ? existing
            : throw EngagementException.AlreadyExists(existsReason, $"{what} already exists.");
    }

    public static TInfo NotFoundUnlessCreated<TInfo>(IPersistentState<EntityState<TInfo>> state, string notFoundReason, string what)
        where TInfo : class =>
        state.State.Info ?? throw EngagementException.NotFound(notFoundReason, $"{what} does not exist.");
}
