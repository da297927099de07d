using System.Globalization;

namespace Engagement;

/// <summary>How boards are named: <c>{scope}/{scopeId}/{period}</c>, e.g. <c>branch-members/b1/2026-W48</c>.</summary>
public static class BoardKeys
{
    public static string Key(BoardScope scope, string scopeId, string periodKey) => $"{ScopeName(scope)}/{scopeId}/{periodKey}";

    /// <summary>The period containing <paramref name="day"/>: 2026-11-23, 2026-W48 (ISO week), 2026-11, 2026, all.</summary>
    public static string PeriodKey(BoardPeriod period, DateOnly day) => period switch
    {
        BoardPeriod.Day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        BoardPeriod.Week => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):D2}"),
        BoardPeriod.Month => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        BoardPeriod.Year => day.ToString("yyyy", CultureInfo.InvariantCulture),
        _ => "all",
    };

    /// <summary>The kind of period a key names (2026-11-23, 2026-W48, 2026-11, 2026, all).</summary>
    public static BoardPeriod PeriodOf(string periodKey) => periodKey switch
    {
        "all" => BoardPeriod.All,
        { Length: 4 } => BoardPeriod.Year,
        { Length: 7 } => BoardPeriod.Month,
        _ when periodKey.Contains("-W", StringComparison.Ordinal) => BoardPeriod.Week,
        _ => BoardPeriod.Day,
    };

    public static (BoardScope Scope, string ScopeId, string PeriodKey) Parse(string key)
    {
        var parts = key.Split('/');
        return parts.Length == 3 && Scopes.TryGetValue(parts[0], out var scope)
            ? (scope, parts[1], parts[2])
            : throw new ArgumentException($"'{key}' is not a board key.", nameof(key));
    }

    public static string ScopeName(BoardScope scope) => scope switch
    {
        BoardScope.BranchMembers => "branch-members",
        BoardScope.CommitteeMembers => "committee-members",
        BoardScope.CommitteeBranches => "committee-branches",
        _ => "park-members",
    };

    private static readonly Dictionary<string, BoardScope> Scopes = Enum.GetValues<BoardScope>().ToDictionary(ScopeName);
}
