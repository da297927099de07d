namespace Engagement;

[GrainType("redemption-code")]
public sealed class RedemptionCodeGrain(
    [PersistentState("redemption-code", StorageNames.Main)] IPersistentState<RedemptionCodeState> state,
    DomainClock clock) : EngagementGrain, IRedemptionCodeGrain
{
    public async Task<bool> ClaimAsync(string redemptionId, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        if (state.State.RedemptionId == redemptionId)
        {
            return true;
        }

        if (state.State.RedemptionId is not null && state.State.Until > clock.UtcNow)
        {
            return false;
        }

        state.State.RedemptionId = redemptionId;
        state.State.Until = until;
        await SaveAsync(state);
        return true;
    }

    public async Task ReleaseAsync(string redemptionId, CancellationToken cancellationToken = default)
    {
        if (state.State.RedemptionId == redemptionId)
        {
            state.State.RedemptionId = null;
            await SaveAsync(state);
        }
    }

    public Task<string?> ResolveAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Until > clock.UtcNow ? state.State.RedemptionId : null);
}
