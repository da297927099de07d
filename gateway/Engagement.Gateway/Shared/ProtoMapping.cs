namespace Engagement.Gateway;

/// <summary>What every feature's mapping shares: days as the contract writes them ("yyyy-MM-dd", park-local).</summary>
public static class ProtoMapping
{
    /// <summary>A park-local day as the API writes it.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
