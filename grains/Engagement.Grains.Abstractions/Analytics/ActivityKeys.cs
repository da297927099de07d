using System.Globalization;

namespace Engagement;

/// <summary>Keys of the analytics grains and the limits of an analytics request.</summary>
public static class ActivityKeys
{
    /// <summary>The longest period one request may cover (a quarter).</summary>
    public const int MaxDays = 93;

    /// <summary>The period when the request names none: the last 30 days up to today.</summary>
    public const int DefaultDays = 30;

    /// <summary>The first day a period may cover: no park has activity before it, and days near 0001-01-01 leave no room for arithmetic.</summary>
    public static readonly DateOnly EarliestDay = new(2000, 1, 1);

    public const int DefaultTop = 10;

    public const int MaxTop = 50;

    /// <summary>One branch's activity on one park-local day: <c>{branchId}/{yyyy-MM-dd}</c>.</summary>
    public static string BranchDay(string branchId, DateOnly day) =>
        $"{branchId}/{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public static (string BranchId, DateOnly Day) ParseBranchDay(string key)
    {
        var slash = key.LastIndexOf('/');
        return (key[..slash], DateOnly.ParseExact(key[(slash + 1)..], "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>The size of the per-kind arrays of <see cref="MemberDay"/> (indexed by the kind's number).</summary>
    public const int KindSlots = (int)LedgerEntryKind.Refund + 1;
}
