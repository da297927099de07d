namespace Engagement;

/// <summary>
/// The one rule of entity creation: the first key wins; its retry — the same request, by a caller who may see the
/// entity — returns the first result; anything else conflicts and returns nothing.
/// </summary>
internal static class CreateOnce
{
    /// <summary>
    /// The stored entity when <paramref name="idempotencyKey"/> created it with the same request
    /// (<paramref name="requestHash"/>) and <paramref name="sameScope"/> holds for it (the caller's request names the
    /// entity's park or parent); null when it does not exist yet. Otherwise <c>AlreadyExists</c>: a key replayed from
    /// another park, another branch or with other fields is not a retry, and learns nothing about the entity.
    /// </summary>
    public static TInfo? Existing<TInfo>(IPersistentState<EntityState<TInfo>> state, string idempotencyKey, string requestHash,
        Func<TInfo, bool> sameScope, string existsReason, string what)
        where TInfo : class =>
        state.State.Info is not { } existing ? null
            : IsRetry(state.State.CreationKey, state.State.CreationHash, idempotencyKey, requestHash) && sameScope(existing) ? existing
            : throw EngagementException.AlreadyExists(existsReason, $"{what} already exists.");

    /// <summary>True when a creation stored with <paramref name="creationKey"/> and <paramref name="creationHash"/> is retried.</summary>
    public static bool IsRetry(string? creationKey, string? creationHash, string idempotencyKey, string requestHash) =>
        creationKey == idempotencyKey && (creationHash is null || creationHash == requestHash);

    /// <summary>Stores a new entity with its key and request hash (the caller saves).</summary>
    public static void Create<TInfo>(IPersistentState<EntityState<TInfo>> state, TInfo info, string idempotencyKey, string requestHash)
        where TInfo : class =>
        state.State = new EntityState<TInfo> { Info = info, CreationKey = idempotencyKey, CreationHash = requestHash };
}
