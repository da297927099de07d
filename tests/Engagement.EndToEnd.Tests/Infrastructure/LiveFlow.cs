using Engagement.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.IdentityModel.Tokens;

namespace Engagement.EndToEnd;

/// <summary>
/// The live path across restarts, shared by the SQLite and PostgreSQL tests: points awarded through the gateway (each
/// retried with its key until acknowledged, as the apps do), boards compared with the ledgers, and live watches
/// that must show the new totals.
/// </summary>
public sealed class LiveFlow
{
    private static readonly BoardPeriod[] Periods = Enum.GetValues<BoardPeriod>();
    private readonly List<string> _members;
    private readonly List<DateTimeOffset> _acknowledgedAt = [];
    private int _awards;
    private int _acknowledged;
    private int _failedAttempts;

    private LiveFlow(Seed seed, List<string> members)
    {
        Seed = seed;
        _members = members;
    }

    public Seed Seed { get; }

    /// <summary>The members the awards go round.</summary>
    public IReadOnlyList<string> Members => _members;

    /// <summary>Awards acknowledged so far.</summary>
    public int Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>Attempts that failed with an outage (unavailable, timeout...) and were retried with their key.</summary>
    public int FailedAttempts => Volatile.Read(ref _failedAttempts);

    /// <summary>The longest time between two acknowledged awards (how long the writers saw nothing go through).</summary>
    public TimeSpan LongestGap
    {
        get
        {
            lock (_acknowledgedAt)
            {
                return _acknowledgedAt.Count < 2 ? TimeSpan.Zero : _acknowledgedAt.Zip(_acknowledgedAt.Skip(1)).Max(p => p.Second - p.First);
            }
        }
    }

    public static async Task<LiveFlow> SeedAsync(GrpcChannel channel, SecurityKey key, int members = 5)
    {
        var seed = await Seed.CreateAsync(channel, key);
        var ids = new List<string>();
        for (var i = 0; i < members; i++)
        {
            ids.Add((await seed.MemberAsync()).Id);
        }

        return new LiveFlow(seed, ids);
    }

    /// <summary>Awards <paramref name="count"/> adjustments round the members, each retried with its key until acknowledged.</summary>
    public async Task AwardAsync(Func<GrpcChannel> channel, SecurityKey key, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var n = Interlocked.Increment(ref _awards);
            var member = _members[n % _members.Count];
            await Eventually.SucceedsAsync(async () =>
            {
                try
                {
                    return await Seed.Reattach(Seed, channel(), key).Admin.Points.AdjustPointsAsync(
                        new AdjustPointsRequest { MemberId = member, Amount = 1 + (n % 3), Reason = "live", IdempotencyKey = $"live-{n}" },
                        deadline: DateTime.UtcNow.AddSeconds(10));
                }
                catch (RpcException e) when (e.StatusCode is StatusCode.PermissionDenied or StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.NotFound)
                {
                    throw new InvalidOperationException("a refusal is not an outage", e);
                }
                catch (RpcException)
                {
                    Interlocked.Increment(ref _failedAttempts);
                    throw;
                }
            }, TimeSpan.FromSeconds(120), $"award live-{n}");
            Interlocked.Increment(ref _acknowledged);
            lock (_acknowledgedAt)
            {
                _acknowledgedAt.Add(DateTimeOffset.UtcNow);
            }
        }
    }

    public BoardWatch Watch(GrpcChannel channel, SecurityKey key, LeaderboardScope scope, LeaderboardPeriod period) =>
        new(Seed.Reattach(Seed, channel, key).Admin.Leaderboards.WatchLeaderboard(new WatchLeaderboardRequest
        {
            Scope = scope, ScopeId = ScopeId(scope), Period = period, Top = 100,
        }));

    public string ScopeId(LeaderboardScope scope) => scope switch
    {
        LeaderboardScope.BranchMembers => Seed.Branch,
        LeaderboardScope.CommitteeMembers => Seed.Committee,
        _ => Seed.Park,
    };

    /// <summary>Each member's ledger, whole (the truth boards are compared with).</summary>
    public async Task<Dictionary<string, List<V1.LedgerEntry>>> LedgersAsync(GrpcChannel channel, SecurityKey key)
    {
        var admin = Seed.Reattach(Seed, channel, key).Admin;
        var ledgers = new Dictionary<string, List<V1.LedgerEntry>>();
        foreach (var member in _members)
        {
            var entries = new List<V1.LedgerEntry>();
            var token = "";
            do
            {
                var page = await admin.Points.ListLedgerAsync(new ListLedgerRequest { MemberId = member, PageSize = 100, PageToken = token });
                entries.AddRange(page.Entries);
                token = page.NextPageToken;
            }
            while (token.Length > 0);
            ledgers[member] = entries;
        }

        return ledgers;
    }

    /// <summary>What a board of <paramref name="period"/> named <paramref name="periodKey"/> must show: each member's points earned in it.</summary>
    public static Dictionary<string, long> Expected(Dictionary<string, List<V1.LedgerEntry>> ledgers, LeaderboardPeriod period, string periodKey) =>
        ledgers.Select(l => (l.Key, Score: l.Value
                .Where(e => BoardKeys.PeriodKey((BoardPeriod)(int)period, ParkClock.DayOf(e.CreateTime.ToDateTimeOffset(), ParkClock.DefaultTimeZone)) == periodKey)
                .Sum(e => e.Amount)))
            .Where(s => s.Score != 0)
            .ToDictionary(s => s.Key, s => s.Score);

    /// <summary>Every member board of the seed (branch, committee, park × five periods) equals the ledgers, within the deadline.</summary>
    public async Task BoardsEqualLedgersAsync(GrpcChannel channel, SecurityKey key, TimeSpan deadline)
    {
        var admin = Seed.Reattach(Seed, channel, key).Admin;
        var ledgers = await LedgersAsync(channel, key);
        Assert.Equal(_awards, ledgers.Values.Sum(l => l.Count));
        var report = await admin.Points.CheckLedgerConsistencyAsync(new CheckLedgerConsistencyRequest { ParkId = Seed.Park });
        Assert.Empty(report.Differences);
        foreach (var scope in new[] { LeaderboardScope.BranchMembers, LeaderboardScope.CommitteeMembers, LeaderboardScope.ParkMembers })
        {
            foreach (var period in Periods.Select(p => (LeaderboardPeriod)(int)p))
            {
                await Eventually.SucceedsAsync(async () =>
                {
                    var board = await admin.Leaderboards.GetLeaderboardAsync(new GetLeaderboardRequest { Scope = scope, ScopeId = ScopeId(scope), Period = period, PageSize = 100 });
                    var shown = board.Entries.ToDictionary(e => e.MemberId, e => e.Score);
                    var expected = Expected(ledgers, period, board.PeriodKey);
                    return shown.Count == expected.Count && expected.All(e => shown.GetValueOrDefault(e.Key) == e.Value) ? true
                        : throw new InvalidOperationException($"{scope} {board.PeriodKey}: shows {Show(shown)}, ledgers say {Show(expected)}");
                }, deadline, $"the {scope} {period} board equal to the ledgers");
            }
        }
    }

    private static string Show(Dictionary<string, long> scores) => string.Join(", ", scores.OrderBy(s => s.Key).Select(s => $"{s.Key}={s.Value}"));

    /// <summary>A WatchLeaderboard call and the newest update it delivered.</summary>
    public sealed class BoardWatch(AsyncServerStreamingCall<WatchLeaderboardResponse> call) : IDisposable
    {
        public WatchLeaderboardResponse? Latest { get; private set; }

        /// <summary>Reads updates until one satisfies <paramref name="ok"/>; fails when the deadline passes first.</summary>
        public async Task<WatchLeaderboardResponse> UntilAsync(Func<WatchLeaderboardResponse, bool> ok, TimeSpan deadline, string what)
        {
            using var timeout = new CancellationTokenSource(deadline);
            try
            {
                while (Latest is null || !ok(Latest))
                {
                    Assert.True(await call.ResponseStream.MoveNext(timeout.Token), $"the watch ended before {what}");
                    Latest = call.ResponseStream.Current;
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && timeout.IsCancellationRequested)
            {
                Assert.Fail($"No update showed {what} within {deadline}; the last: {Latest}");
            }

            return Latest;
        }

        /// <summary>Waits until the watch shows exactly the ledgers' totals for its period.</summary>
        public Task<WatchLeaderboardResponse> ShowsAsync(Dictionary<string, List<V1.LedgerEntry>> ledgers, LeaderboardPeriod period, TimeSpan deadline) =>
            UntilAsync(u =>
            {
                var expected = Expected(ledgers, period, u.PeriodKey);
                return u.Entries.Count == expected.Count && u.Entries.All(e => expected.GetValueOrDefault(e.MemberId) == e.Score);
            }, deadline, "the ledgers' totals");

        public void Dispose() => call.Dispose();
    }
}
