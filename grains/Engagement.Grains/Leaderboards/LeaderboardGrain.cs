namespace Engagement;

/// <summary>
/// One board in memory: scores by member plus a <see cref="RankedSet{T}"/> for O(log n) ranks. Boards are derived
/// state; the scores are snapshotted at most every few seconds (and on deactivation) rather than on every point.
/// </summary>
[GrainType("leaderboard")]
public sealed class LeaderboardGrain(
    [PersistentState("leaderboard", StorageNames.Main)] IPersistentState<BoardState> state) : EngagementGrain, ILeaderboardGrain
{
    private static readonly TimeSpan SnapshotEvery = TimeSpan.FromSeconds(5);
    private readonly RankedSet<BoardScore> _ranking = new(BoardOrder.Instance);
    private bool _dirty;
    private BoardAudience? _audience;

    private string Key => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var score in state.State.Scores.Values)
        {
            _ranking.Add(score);
        }

        this.RegisterGrainTimer(SnapshotAsync, new GrainTimerCreationOptions(SnapshotEvery, SnapshotEvery));
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => SnapshotAsync(cancellationToken);

    public Task ApplyAsync(string memberId, long delta, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (delta != 0)
        {
            var old = state.State.Scores.GetValueOrDefault(memberId);
            if (old is not null)
            {
                _ranking.Remove(old);
            }

            var score = new BoardScore(memberId, (old?.Score ?? 0) + delta, at);
            state.State.Scores[memberId] = score;
            _ranking.Add(score);
            _dirty = true;
        }

        return Task.CompletedTask;
    }

    public async Task<BoardPage> TopAsync(Caller caller, int offset, int count, CancellationToken cancellationToken = default)
    {
        await DemandReaderAsync(caller);
        return new BoardPage(Key, [.. _ranking.Range(offset, count).Select((s, i) => Entry(s, offset + i))], _ranking.Count);
    }

    public async Task<BoardStanding> AroundAsync(Caller caller, string memberId, int around, CancellationToken cancellationToken = default)
    {
        await DemandReaderAsync(caller);
        if (state.State.Scores.GetValueOrDefault(memberId) is not { } score)
        {
            return new BoardStanding(Key, null, [], [], _ranking.Count);
        }

        var rank = _ranking.CountBefore(score);
        var first = Math.Max(0, rank - around);
        return new BoardStanding(Key, Entry(score, rank),
            [.. _ranking.Range(first, rank - first).Select((s, i) => Entry(s, first + i))],
            [.. _ranking.Range(rank + 1, around).Select((s, i) => Entry(s, rank + 1 + i))],
            _ranking.Count);
    }

    private static BoardEntry Entry(BoardScore score, int index) => new(index + 1, score.MemberId, score.Score, score.ReachedAt);

    private async Task SnapshotAsync(CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            _dirty = false;
            await SaveAsync(state);
        }
    }

    private async Task DemandReaderAsync(Caller caller)
    {
        _audience ??= await BoardAudience.OfAsync(GrainFactory, Key);
        Caller.Demand(await _audience.MayReadAsync(GrainFactory, caller), "read this leaderboard");
    }
}
