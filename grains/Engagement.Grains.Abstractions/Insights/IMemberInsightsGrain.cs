namespace Engagement;

/// <summary>
/// A member's profile figures and recommendations, keyed by member id. Keeps the ledger entries of the periods it was
/// asked about in memory and, on the next request, reads only the entries written since.
/// </summary>
[Alias("engagement.IMemberInsightsGrain")]
public interface IMemberInsightsGrain : IGrainWithStringKey
{
    /// <summary>
    /// The member's figures for the park-local days <paramref name="from"/>..<paramref name="to"/> (null: the last
    /// 30 days up to today). At most 93 days, not after today, not before today − 399 days (InvalidArgument).
    /// Readable by the member, the secretary of their branch, the leaders of their committee and their park's admins.
    /// </summary>
    Task<MemberProfileStats> GetProfileStatsAsync(Caller caller, DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default);

    /// <summary>The next things worth doing today. Readable by the member and the secretary of their branch.</summary>
    Task<MemberRecommendations> GetRecommendationsAsync(Caller caller, CancellationToken cancellationToken = default);
}
