using System.Globalization;

namespace Engagement;

/// <summary>The keys of the quiz grains. Ids never contain ':' or '/', so the keys split back unambiguously.</summary>
public static class QuizKeys
{
    public const string ParkScope = "park";

    public const string CommitteeScope = "committee";

    /// <summary>The bank (and day-set scope) of a park: <c>park:{parkId}</c>.</summary>
    public static string Park(string parkId) => $"{ParkScope}:{parkId}";

    /// <summary>The bank (and day-set scope) of a committee: <c>committee:{committeeId}</c>.</summary>
    public static string Committee(string committeeId) => $"{CommitteeScope}:{committeeId}";

    /// <summary>The day set of a scope: <c>{scope}/{yyyy-MM-dd}</c>.</summary>
    public static string Day(string scope, DateOnly day) => $"{scope}/{Format(day)}";

    /// <summary>A member's attempt of a day: <c>{memberId}/{yyyy-MM-dd}</c>.</summary>
    public static string Attempt(string memberId, DateOnly day) => $"{memberId}/{Format(day)}";

    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Splits <c>{owner}/{yyyy-MM-dd}</c>.</summary>
    public static (string Owner, DateOnly Day) SplitDayKey(string key)
    {
        var slash = key.LastIndexOf('/');
        return (key[..slash], DateOnly.ParseExact(key[(slash + 1)..], "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>Splits <c>{kind}:{id}</c>.</summary>
    public static (string Kind, string Id) SplitScope(string scope)
    {
        var colon = scope.IndexOf(':', StringComparison.Ordinal);
        return (scope[..colon], scope[(colon + 1)..]);
    }
}
