using System.Globalization;

namespace Engagement;

/// <summary>
/// How boards are named: <c>{scope}/{scopeId}/{period}</c>, e.g. <c>branch-members/b1/2026-W48</c>. A park's or a
/// committee's member board is sharded by member: its entries live in <see cref="ShardsOf"/> shards named
/// <c>{board}#{index}</c> (<c>park-members/zj/2026-W48#3</c>), and the board's own key names the grain that merges them.
/// </summary>
public static class BoardKeys
{
    public static string Key(BoardScope scope, string scopeId, string periodKey) => $"{ScopeName(scope)}/{scopeId}/{periodKey}";

    /// <summary>
    /// How many shards hold a board of <paramref name="scope"/> (1: not sharded). A park board of 100,000 members in
    /// 8 shards: no grain sees every award of the park. Branch boards (at most a few hundred members) and a
    /// committee's branch board (one entry per branch) are small enough for one grain. Fixed: a member's shard is
    /// derived from their id, and boards are rebuilt from the ledgers, so a change here re-fills new shards by their repair.
    /// </summary>
    public static int ShardsOf(BoardScope scope) => scope switch
    {
        BoardScope.ParkMembers => 8,
        BoardScope.CommitteeMembers => 4,
        _ => 1,
    };

    /// <summary>The key of shard <paramref name="index"/> of <paramref name="boardKey"/>.</summary>
    public static string Shard(string boardKey, int index) => string.Create(CultureInfo.InvariantCulture, $"{boardKey}#{index}");

    /// <summary>The key of the grain that ranks <paramref name="memberId"/> on <paramref name="boardKey"/>: its shard, or the board itself when not sharded.</summary>
    public static string RankingOf(string boardKey, string memberId)
    {
        var shards = ShardsOf(Parse(boardKey).Scope);
        return shards == 1 ? boardKey : Shard(boardKey, ShardOf(memberId, shards));
    }

    /// <summary>
    /// The shard of <paramref name="memberId"/> among <paramref name="shards"/>: FNV-1a of the id's UTF-16 code units,
    /// so it is the same in every process and release (string.GetHashCode is not).
    /// </summary>
    public static int ShardOf(string memberId, int shards)
    {
        ArgumentNullException.ThrowIfNull(memberId);
        var hash = 2166136261u;
        foreach (var c in memberId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)shards);
    }

    /// <summary>The board a key belongs to and, for a shard, its index (null: the key names a board).</summary>
    public static (string Board, int? Shard) SplitShard(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = key.LastIndexOf('#');
        return hash > key.LastIndexOf('/') && int.TryParse(key.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? (key[..hash], index)
            : (key, null);
    }

    /// <summary>Whether <paramref name="key"/> names a sharded board's merging grain (not one of its shards).</summary>
    public static bool IsMerged(string key) => SplitShard(key).Shard is null && ShardsOf(Parse(key).Scope) > 1;

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

    /// <summary>The scope, scope id and period of a board or of one of its shards.</summary>
    public static (BoardScope Scope, string ScopeId, string PeriodKey) Parse(string key)
    {
        var parts = SplitShard(key).Board.Split('/');
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
