namespace Engagement;

/// <summary>
/// The ranking of one board, and only that: each entrant's score with the last ledger sequence applied for it, kept
/// in an order-statistic set so an update, a rank and the n-th entry cost O(log n). No grain, no I/O, no clock.
/// Entrants are members (a member board) or branches (a committee's branch board, ranked per member).
/// </summary>
public sealed class BoardRanking
{
    private readonly Dictionary<string, BoardScore> _scores;
    private readonly RankedSet<BoardScore> _ranking;
    private readonly IComparer<BoardScore> _order;

    /// <summary>Ranks <paramref name="scores"/> (kept by reference: the board's state) in <paramref name="order"/>.</summary>
    public BoardRanking(Dictionary<string, BoardScore> scores, IComparer<BoardScore> order)
    {
        _scores = scores;
        _order = order;
        _ranking = new(order);
        foreach (var score in scores.Values)
        {
            _ranking.Add(score);
            Total += score.Score;
        }
    }

    /// <summary>The sum of all scores (a branch board's points in the period).</summary>
    public long Total { get; private set; }

    public int Count => _ranking.Count;

    public IEnumerable<string> Entrants => _scores.Keys;

    /// <summary>Whether <paramref name="id"/> is ranked here.</summary>
    public bool Ranks(string id) => _scores.ContainsKey(id);

    /// <summary>The last ledger sequence applied for <paramref name="memberId"/> (0: none).</summary>
    public long LastSequence(string memberId) => _scores.GetValueOrDefault(memberId)?.LastSequence ?? 0;

    /// <summary>
    /// Applies a member's ledger entries, oldest first. Entries at or below the last applied sequence are ignored (a
    /// repeated or reordered event); the others advance the member's sequence, and those <paramref name="counts"/>
    /// accepts add to the score (the last one's time is when the score was reached). <paramref name="name"/>, when
    /// given and not older than the one kept, becomes the member's name here. Null when nothing was new.
    /// </summary>
    public MemberChange? Apply(string memberId, IEnumerable<LedgerEntry> entries, Func<LedgerEntry, bool> counts, MemberName? name = null)
    {
        var old = _scores.GetValueOrDefault(memberId);
        var fresh = entries.Where(e => e.Sequence > (old?.LastSequence ?? 0)).ToList();
        if (fresh.Count == 0)
        {
            return null;
        }

        var last = fresh[^1];
        var counted = fresh.Where(counts).ToList();
        var points = counted.Sum(e => e.Amount);
        var score = (old ?? new BoardScore(memberId, 0, last.CreatedAt)) with { LastSequence = last.Sequence };
        var renamed = false;
        if (name is not null && Newer(score, name))
        {
            renamed = score.Name != name.DisplayName;
            score = score with { Name = name.DisplayName, NameVersion = name.Version };
        }

        if (counted.Count > 0)
        {
            score = score with { Score = score.Score + points, ReachedAt = counted[^1].CreatedAt };
        }

        var topChanged = false;
        if (old is not null || counted.Count > 0)
        {
            topChanged = Replace(old, score) && (counted.Count > 0 || renamed);
        }

        Total += points;
        return new MemberChange(counted.Count > 0, old is null, last.CreatedAt, topChanged);
    }

    /// <summary>Remembers that the member's ledger was read up to <paramref name="sequence"/> though nothing of it counts here.</summary>
    public bool Skip(string memberId, long sequence)
    {
        if (_scores.GetValueOrDefault(memberId) is not { } current || sequence <= current.LastSequence)
        {
            return false;
        }

        _scores[memberId] = current with { LastSequence = sequence };
        return true;
    }

    /// <summary>
    /// Shows <paramref name="name"/> for an entrant already ranked here, unless the name kept is newer or the same.
    /// Null when nothing changed (not ranked here, or not newer), else whether the entrant is in the watched top.
    /// </summary>
    public bool? Rename(string memberId, MemberName name)
    {
        if (_scores.GetValueOrDefault(memberId) is not { } old || !Newer(old, name))
        {
            return null;
        }

        return Replace(old, old with { Name = name.DisplayName, NameVersion = name.Version });
    }

    /// <summary>
    /// Sets a branch's points, member count and name on a committee's branch board (absolute values, so a repeated
    /// report changes nothing; a null name keeps the one known). Null when nothing changed, else whether the top changed.
    /// </summary>
    public bool? SetBranch(string branchId, long points, int members, DateTimeOffset at, string? name = null)
    {
        var old = _scores.GetValueOrDefault(branchId);
        name ??= old?.Name;
        if (old is not null && old.Score == points && old.Members == members && old.Name == name)
        {
            return null;
        }

        Total += points - (old?.Score ?? 0);
        return Replace(old, new BoardScore(branchId, points, old is not null && old.Score == points ? old.ReachedAt : at, 0, members, name));
    }

    /// <summary>Entries from rank <paramref name="offset"/> + 1, at most <paramref name="count"/>.</summary>
    public IReadOnlyList<BoardEntry> Range(int offset, int count) => [.. _ranking.Range(offset, count).Select((s, i) => Entry(s, offset + i))];

    /// <summary>The entrant's entry with up to <paramref name="around"/> entries above and below; null when not ranked.</summary>
    public (BoardEntry Entry, IReadOnlyList<BoardEntry> Above, IReadOnlyList<BoardEntry> Below)? Around(string id, int around)
    {
        if (_scores.GetValueOrDefault(id) is not { } score)
        {
            return null;
        }

        var rank = _ranking.CountBefore(score);
        var first = Math.Max(0, rank - around);
        return (Entry(score, rank), Range(first, rank - first), Range(rank + 1, around));
    }

    /// <summary>The entrant's entry (its rank here), or null when not ranked.</summary>
    public BoardEntry? EntryOf(string id) => _scores.GetValueOrDefault(id) is { } score ? Entry(score, _ranking.CountBefore(score)) : null;

    /// <summary>
    /// The ranking around a place that need not be an entry here (a shard answering for its merged board): how many
    /// entries order before <paramref name="key"/>, up to <paramref name="before"/> of them just before it and up to
    /// <paramref name="after"/> just after it; the key itself, when it is an entry here, is in neither list. A null
    /// key is the place before the first entry. Ranks in the lists are ranks here.
    /// </summary>
    public BoardSlice Slice(BoardEntry? key, int before, int after)
    {
        if (key is null)
        {
            return new BoardSlice(0, [], Range(0, after), Count);
        }

        var probe = new BoardScore(key.MemberId, key.Score, key.ReachedAt, 0, key.Members, key.Name);
        var at = _ranking.CountBefore(probe);
        var next = at < Count && _order.Compare(_ranking.ElementAt(at), probe) == 0 ? at + 1 : at;
        var first = Math.Max(0, at - before);
        return new BoardSlice(at, Range(first, at - first), Range(next, after), Count);
    }

    /// <summary>Puts <paramref name="score"/> in place of <paramref name="old"/>; true when either is in the watched top.</summary>
    private bool Replace(BoardScore? old, BoardScore score)
    {
        var rankBefore = old is null ? int.MaxValue : _ranking.CountBefore(old);
        if (old is not null)
        {
            _ranking.Remove(old);
        }

        _ranking.Add(score);
        _scores[score.MemberId] = score;
        return Math.Min(rankBefore, _ranking.CountBefore(score)) < LeaderboardWatch.TopSize;
    }

    private static BoardEntry Entry(BoardScore score, int index) => new(index + 1, score.MemberId, score.Score, score.ReachedAt, score.Members, score.Name);

    /// <summary>Whether <paramref name="name"/> should replace what <paramref name="score"/> shows: a later version, or a first name at all.</summary>
    private static bool Newer(BoardScore score, MemberName name) => score.Name is null || name.Version > score.NameVersion;
}

/// <summary>What applying a member's entries did: whether points counted, whether the member is new here, the newest entry's time, whether the top changed.</summary>
public sealed record MemberChange(bool Counted, bool Newcomer, DateTimeOffset At, bool TopChanged);

/// <summary>
/// A ranking around a place (see <see cref="BoardRanking.Slice"/>): how many entries come before it, the entries just
/// before and just after it, and how many entries there are.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.BoardSlice")]
public sealed record BoardSlice(
    [property: Id(0)] int CountBefore,
    [property: Id(1)] IReadOnlyList<BoardEntry> Before,
    [property: Id(2)] IReadOnlyList<BoardEntry> After,
    [property: Id(3)] int Count);
