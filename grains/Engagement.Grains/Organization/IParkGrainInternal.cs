namespace Engagement;

/// <summary>
/// What other grains ask of a park without a caller: its info, its committees and merchants, and the rules in force.
/// It lives in the grains assembly, so the gateway (which references only the abstractions) cannot call it.
/// Implemented by the same grain as <see cref="IParkGrain"/>.
/// </summary>
[Alias("engagement.IParkGrainInternal")]
public interface IParkGrainInternal : IGrainWithStringKey
{
    /// <summary>Reads the park for other grains; NotFound if it was never created.</summary>
    [AlwaysInterleave]
    Task<ParkInfo> GetInfoAsync(CancellationToken cancellationToken = default);

    /// <summary>Records a committee of the park (idempotent).</summary>
    Task AddCommitteeAsync(string committeeId, CancellationToken cancellationToken = default);

    [AlwaysInterleave]
    Task<IReadOnlyList<string>> ListCommitteesAsync(CancellationToken cancellationToken = default);

    /// <summary>Records a merchant of the park (idempotent).</summary>
    Task AddMerchantAsync(string merchantId, CancellationToken cancellationToken = default);

    [AlwaysInterleave]
    Task<IReadOnlyList<string>> ListMerchantsAsync(CancellationToken cancellationToken = default);

    /// <summary>The park's rules in force at <paramref name="at"/> (the defaults before any change).</summary>
    [AlwaysInterleave]
    Task<PointsRules> GetRulesAsync(DateTimeOffset at, CancellationToken cancellationToken = default);
}
