namespace Engagement;

/// <summary>
/// A list of redemptions, newest first: one per member (<see cref="RedemptionHistories.ForMember"/>) and one per
/// merchant counter and park-local day (<see cref="RedemptionHistories.ForCounter"/>). Written by redemption grains
/// whenever a redemption is started or changes state; read by the member or by the merchant's staff.
/// </summary>
[Alias("engagement.IRedemptionHistoryGrain")]
public interface IRedemptionHistoryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Up to <paramref name="pageSize"/> redemptions listed before <paramref name="before"/> (a previous page's
    /// <see cref="RedemptionPage.Next"/>; null for the newest), optionally only those now in <paramref name="status"/>.
    /// A member's history: that member only; a counter's day: the merchant's staff only.
    /// </summary>
    [AlwaysInterleave]
    Task<RedemptionPage> ListAsync(Caller caller, RedemptionStatus? status, long? before, int pageSize, CancellationToken cancellationToken = default);
}

/// <summary>Keys of <see cref="IRedemptionHistoryGrain"/>s.</summary>
public static class RedemptionHistories
{
    public static string ForMember(string memberId) => $"member:{memberId}";

    public static string ForCounter(string merchantId, DateOnly day) =>
        $"merchant:{merchantId}:{day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>A page of redemptions, newest first; <see cref="Next"/> is null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("engagement.RedemptionPage")]
public sealed record RedemptionPage([property: Id(0)] IReadOnlyList<RedemptionView> Items, [property: Id(1)] long? Next);
