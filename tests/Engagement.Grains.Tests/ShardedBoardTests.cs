namespace Engagement.Tests;

/// <summary>
/// A park's and a committee's member boards live in shards by member: pages, ranks and neighbours read through the
/// board's own grain are those of one ranking of everyone, and no shard holds every member.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ShardedBoardTests(ClusterFixture fixture)
{
    private const int Members = 300;
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task PagesRanksAndNeighboursOfAShardedBoardAreThoseOfOneRankingOfEveryone()
    {
        var (org, board, expected) = await FilledParkBoardAsync(seed: 12);

        var walked = new List<BoardEntry>();
        BoardEntry? after = null;
        for (var pages = 0; pages < Members; pages++)
        {
            var page = await board.TopAsync(org.Admin, walked.Count, 7, after);
            Assert.Equal(Members, page.Total);
            if (page.Entries.Count == 0)
            {
                break;
            }

            walked.AddRange(page.Entries);
            after = page.Entries[^1];
        }

        var byOffset = await board.TopAsync(org.Admin, 150, 5);

        Assert.Equal(expected.Select(e => (e.MemberId, e.Score)), walked.Select(e => (e.MemberId, e.Score)));
        Assert.Equal(Enumerable.Range(1, Members).Select(r => (long)r), walked.Select(e => e.Rank));
        Assert.Equal(walked.Skip(150).Take(5), byOffset.Entries);
        foreach (var index in new[] { 0, 1, 57, 149, 298, 299 })
        {
            var standing = await board.AroundAsync(org.Admin, expected[index].MemberId, 3);
            Assert.Equal(index + 1, standing.Entry!.Rank);
            Assert.Equal(walked.Skip(Math.Max(0, index - 3)).Take(Math.Min(3, index)), standing.Above);
            Assert.Equal(walked.Skip(index + 1).Take(3), standing.Below);
            Assert.Equal(Members, standing.Total);
        }

        var absent = await board.AroundAsync(org.Admin, "nobody-here", 3);
        Assert.Null(absent.Entry);
        Assert.Equal(Members, absent.Total);
    }

    [Fact]
    public async Task ATopWhoseLeadersAllLiveOnOneShardIsStillExact()
    {
        var (org, board, expected) = await FilledParkBoardAsync(seed: 78);
        var shards = BoardKeys.ShardsOf(BoardScope.ParkMembers);
        var leaders = Enumerable.Range(0, 5000).Select(i => $"{org.Park}-lead{i}").Where(id => BoardKeys.ShardOf(id, shards) == 0).Take(30).ToList();
        var at = fixture.Time.GetUtcNow();
        await board.AsReference<ILeaderboardGrainInternal>().ApplyBatchAsync([.. leaders.Select((id, i) => new BoardUpdate(Earned(id, 1, 1000 - i, at), 0))]);

        var top = await board.TopAsync(org.Admin, 0, 25);
        var walked = new List<BoardEntry>();
        for (BoardEntry? after = null; walked.Count < 60; after = walked[^1])
        {
            walked.AddRange((await board.TopAsync(org.Admin, walked.Count, 10, after)).Entries);
        }

        Assert.Equal(leaders.Take(25), top.Entries.Select(e => e.MemberId));
        Assert.Equal(leaders.Concat(expected.Select(e => e.MemberId)).Take(60), walked.Select(e => e.MemberId));
    }

    [Fact]
    public async Task EachShardHoldsOnlyItsOwnMembersSoNoGrainSeesEveryAward()
    {
        var (_, board, expected) = await FilledParkBoardAsync(seed: 34);
        var key = board.GetPrimaryKeyString();
        var shards = BoardKeys.ShardsOf(BoardScope.ParkMembers);

        var held = await Task.WhenAll(Enumerable.Range(0, shards).Select(async i =>
            (await _grains.Board<ILeaderboardGrain>(BoardKeys.Shard(key, i)).AsReference<ILeaderboardGrainInternal>().SliceAsync(null, 0, Members)).After));

        Assert.Equal(Members, held.Sum(h => h.Count));
        Assert.All(held.Select((entries, i) => (entries, i)), shard =>
            Assert.All(shard.entries, e => Assert.Equal(shard.i, BoardKeys.ShardOf(e.MemberId, shards))));
        Assert.All(held, h => Assert.InRange(h.Count, 1, Members / 2));
        Assert.Equal(expected.Select(e => e.MemberId).Order(StringComparer.Ordinal), held.SelectMany(h => h).Select(e => e.MemberId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AWatcherOfAShardedBoardSeesTheMergedTopChangeWhenAnyShardsTopChanges()
    {
        var (_, board, expected) = await FilledParkBoardAsync(seed: 56);
        var watcher = new Recorder();
        var reference = _grains.CreateObjectReference<IWatcher<BoardPage>>(watcher);
        var first = await board.WatchAsync(reference);
        var leader = expected[^1].MemberId; // the last: every shard's top must reach the watcher to put them first

        await board.ApplyAsync(Earned(leader, 2, 10_000, fixture.Time.GetUtcNow()));
        var seen = await Poll.UntilAsync(() => Task.FromResult(watcher.Last is { Entries.Count: > 0 } last ? last.Entries[0].MemberId : null), leader);

        Assert.Equal(expected.Take(LeaderboardWatch.TopSize).Select(e => e.MemberId), first!.Entries.Select(e => e.MemberId));
        Assert.Equal(leader, seen);
        Assert.Equal(expected.Take(LeaderboardWatch.TopSize - 1).Select(e => e.MemberId), watcher.Last!.Entries.Skip(1).Select(e => e.MemberId));
        Assert.Equal(Enumerable.Range(1, LeaderboardWatch.TopSize).Select(r => (long)r), watcher.Last.Entries.Select(e => e.Rank));
        Assert.True(watcher.Last.Version > first.Version);
        await board.UnwatchAsync(reference);
    }

    /// <summary>
    /// A fresh park's all-time board fed <see cref="Members"/> members (ties in score and in time included) through
    /// its own grain, which passes each to its shard; the expected order sorted here.
    /// </summary>
    private async Task<(Org Org, ILeaderboardGrain Board, List<BoardEntry> Expected)> FilledParkBoardAsync(int seed)
    {
        var org = await new Org(_grains).CreateAsync();
        var board = _grains.Board<ILeaderboardGrain>(BoardKeys.Key(BoardScope.ParkMembers, org.Park, "all"));
        var random = new Random(seed);
        var start = fixture.Time.GetUtcNow().AddDays(-1);
        var entries = Enumerable.Range(0, Members)
            .Select(i => Earned($"{org.Park}-m{i}", 1, random.Next(1, 40), start.AddMinutes(random.Next(20))))
            .ToList();
        await Task.WhenAll(entries.Chunk(50).Select(chunk => board.AsReference<ILeaderboardGrainInternal>()
            .ApplyBatchAsync([.. chunk.Select(e => new BoardUpdate(e, 0))])));
        var expected = entries.Select(e => new BoardEntry(0, e.MemberId, e.Amount, e.CreatedAt)).Order(BoardOrder.Instance).ToList();
        return (org, board, expected);
    }

    private static LedgerEntry Earned(string memberId, long sequence, long points, DateTimeOffset at) =>
        new(memberId, sequence, points, LedgerEntryKind.Adjustment, "test", $"k{sequence}", at, points);

    private sealed class Recorder : IWatcher<BoardPage>
    {
        public BoardPage? Last { get; private set; }

        public Task OnNextAsync(BoardPage item)
        {
            Last = item;
            return Task.CompletedTask;
        }
    }
}
