namespace Engagement;

/// <summary>
/// What redemption grains write to a redemption list without a caller.
/// It lives in the grains assembly, so the gateway (which references only the abstractions) cannot call it.
/// Implemented by the same grain as <see cref="IRedemptionHistoryGrain"/>.
/// </summary>
[Alias("engagement.IRedemptionHistoryGrainInternal")]
public interface IRedemptionHistoryGrainInternal : IGrainWithStringKey
{
    /// <summary>For redemption grains: lists the redemption or updates it (an older version than the listed one changes nothing).</summary>
    Task RecordAsync(RedemptionView view, CancellationToken cancellationToken = default);
}
