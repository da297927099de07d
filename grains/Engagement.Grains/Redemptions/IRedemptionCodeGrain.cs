namespace Engagement;

/// <summary>The typed 8-digit code of a merchant, keyed <c>{merchantId}/{code}</c>: which pending redemption holds it.</summary>
[Alias("engagement.IRedemptionCodeGrain")]
public interface IRedemptionCodeGrain : IGrainWithStringKey
{
    /// <summary>Claims the code until <paramref name="until"/>; false when another live redemption holds it.</summary>
    Task<bool> ClaimAsync(string redemptionId, DateTimeOffset until, CancellationToken cancellationToken = default);

    Task ReleaseAsync(string redemptionId, CancellationToken cancellationToken = default);

    /// <summary>The redemption holding the code now, or null.</summary>
    Task<string?> ResolveAsync(CancellationToken cancellationToken = default);
}
