using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Engagement.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Engagement.Bench;

/// <summary>
/// After the load, through the API only: every board of the park (each branch, the committee and the park × day, week,
/// month, year, all) equals what the acknowledged awards say, read from 5 s after the last write (boards still
/// differing are read again until 60 s); every member's ledger holds exactly one entry per acknowledged award (0
/// lost, 0 doubled, nothing unacknowledged), the balance equals the ledger's sum; the node's own consistency check
/// finds no difference; the watch held through the run shows the final totals.
/// </summary>
public sealed class EndChecks(GrpcChannel channel, Park park)
{
    private static readonly LeaderboardPeriod[] Periods =
        [LeaderboardPeriod.Day, LeaderboardPeriod.Week, LeaderboardPeriod.Month, LeaderboardPeriod.Year, LeaderboardPeriod.All];

    private static readonly TimeZoneInfo ParkZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private readonly Metadata _admin = Park.Bearer(park.AdminToken);
    private readonly V1.LeaderboardService.LeaderboardServiceClient _boards = new(channel);
    private readonly PointsService.PointsServiceClient _points = new(channel);

    /// <summary>What went wrong, by kind (the scenario's errors; empty when everything holds).</summary>
    public Dictionary<string, int> Problems { get; } = [];

    /// <summary>What was checked and found, one line each.</summary>
    public List<string> Lines { get; } = [];

    public async Task RunAsync(IReadOnlyDictionary<string, V1.LedgerEntry> acknowledged, TimeSpan loadEndedAt, Timeline timeline, BoardWatcher? watch)
    {
        var index = park.Members.Select((m, i) => (m, i)).ToDictionary(p => p.m, p => p.i);
        await BoardsAsync(acknowledged.Values, index, loadEndedAt, timeline);
        await LedgersAsync(acknowledged);
        await ConsistencyAsync();
        if (watch is not null)
        {
            await WatchAsync(acknowledged.Values, watch);
        }
    }

    public void Problem(string kind, int count = 1)
    {
        if (count > 0)
        {
            Problems[kind] = Problems.GetValueOrDefault(kind) + count;
        }
    }

    private static string PeriodKey(LeaderboardPeriod period, DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, ParkZone).DateTime);
        var date = day.ToDateTime(TimeOnly.MinValue);
        return period switch
        {
            LeaderboardPeriod.Day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            LeaderboardPeriod.Week => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):D2}"),
            LeaderboardPeriod.Month => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            LeaderboardPeriod.Year => day.ToString("yyyy", CultureInfo.InvariantCulture),
            _ => "all",
        };
    }

    private async Task BoardsAsync(IEnumerable<V1.LedgerEntry> entries, Dictionary<string, int> index, TimeSpan loadEndedAt, Timeline timeline)
    {
        var boards = Enumerable.Range(0, park.Branches).Select(b => (Scope: LeaderboardScope.BranchMembers, Id: $"{park.Id}-b{b}"))
            .Append((Scope: LeaderboardScope.CommitteeMembers, Id: park.CommitteeId)).Append((Scope: LeaderboardScope.ParkMembers, Id: park.Id))
            .SelectMany(b => Periods.Select(p => (b.Scope, b.Id, Period: p))).ToList();

        // Expected scores per (scope id, period key, member), from the acknowledged awards.
        var expected = new Dictionary<(string, string), Dictionary<string, long>>();
        foreach (var entry in entries)
        {
            var branch = park.BranchOf(index[entry.MemberId]);
            foreach (var period in Periods)
            {
                var key = PeriodKey(period, entry.CreateTime.ToDateTimeOffset());
                foreach (var scopeId in (string[])[branch, park.CommitteeId, park.Id])
                {
                    var board = expected.TryGetValue((scopeId, key), out var b) ? b : expected[(scopeId, key)] = [];
                    board[entry.MemberId] = board.GetValueOrDefault(entry.MemberId) + entry.Amount;
                }
            }
        }

        var wait = loadEndedAt + TimeSpan.FromSeconds(5) - timeline.Now;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        var firstPass = timeline.Now - loadEndedAt;
        var differing = boards;
        var equalAtFirst = 0;
        var lastDifference = "";
        var matchedAt = firstPass;
        for (var pass = 0; differing.Count > 0 && (pass == 0 || timeline.Now - loadEndedAt < TimeSpan.FromSeconds(60)); pass++)
        {
            if (pass > 0)
            {
                await Task.Delay(1000);
            }

            var readAt = timeline.Now - loadEndedAt;
            var still = new ConcurrentBag<(LeaderboardScope, string, LeaderboardPeriod)>();
            var descriptions = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(differing, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (board, _) =>
            {
                var (periodKey, shown) = await ReadBoardAsync(board.Scope, board.Id, board.Period);
                var want = expected.GetValueOrDefault((board.Id, periodKey)) ?? [];
                if (shown.Count != want.Count || want.Any(w => shown.GetValueOrDefault(w.Key) != w.Value))
                {
                    still.Add(board);
                    var wrong = want.Where(w => shown.GetValueOrDefault(w.Key) != w.Value).Take(2).Select(w => $"{w.Key} shows {shown.GetValueOrDefault(w.Key)}, ledger {w.Value}");
                    descriptions.Add($"{board.Scope} {board.Id} {periodKey}: {shown.Count} on the board, {want.Count} expected; {string.Join("; ", wrong)}");
                }
            });
            if (pass == 0)
            {
                equalAtFirst = boards.Count - still.Count;
            }

            if (still.Count < differing.Count)
            {
                matchedAt = readAt;
            }

            differing = [.. still];
            lastDifference = descriptions.FirstOrDefault() ?? "";
        }

        var outcome = differing.Count == 0
            ? equalAtFirst == boards.Count ? "" : string.Create(CultureInfo.InvariantCulture, $", all equal at the read that began {matchedAt.TotalSeconds:F1} s after the last write")
            : $"; {differing.Count} STILL DIFFER 60 s after the end, e.g. {lastDifference}";
        Lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"boards = ledgers: {boards.Count} boards ({park.Branches} branches, the committee, the park × 5 periods); read from {firstPass.TotalSeconds:F1} s after the last write: {equalAtFirst} equal at the first read{outcome}"));
        Problem("boards differing at the end", differing.Count);
        Problem("boards not equal within 5 s", equalAtFirst == boards.Count ? 0 : 1);
    }

    private async Task<(string PeriodKey, Dictionary<string, long> Shown)> ReadBoardAsync(LeaderboardScope scope, string id, LeaderboardPeriod period)
    {
        var shown = new Dictionary<string, long>();
        var token = "";
        var periodKey = "";
        do
        {
            var page = await _boards.GetLeaderboardAsync(new GetLeaderboardRequest
            {
                Scope = scope, ScopeId = id, Period = period, PageSize = 100, PageToken = token,
            }, _admin, DateTime.UtcNow.AddSeconds(30));
            periodKey = page.PeriodKey;
            foreach (var entry in page.Entries)
            {
                shown[entry.MemberId] = entry.Score;
            }

            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return (periodKey, shown);
    }

    private async Task LedgersAsync(IReadOnlyDictionary<string, V1.LedgerEntry> acknowledged)
    {
        var byMember = acknowledged.GroupBy(a => a.Value.MemberId).ToDictionary(g => g.Key, g => g.ToList());
        int lost = 0, doubled = 0, unacknowledged = 0, wrongAmount = 0, balanceOff = 0, entries = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(park.Members, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (member, cancel) =>
        {
            var ledger = new List<V1.LedgerEntry>();
            var token = "";
            do
            {
                var page = await _points.ListLedgerAsync(new ListLedgerRequest { MemberId = member, PageSize = 100, PageToken = token }, _admin, DateTime.UtcNow.AddSeconds(30), cancel);
                ledger.AddRange(page.Entries);
                token = page.NextPageToken;
            }
            while (token.Length > 0);
            var balance = (await _points.GetBalanceAsync(new GetBalanceRequest { MemberId = member }, _admin, DateTime.UtcNow.AddSeconds(30), cancel)).Balance;

            var mine = byMember.GetValueOrDefault(member) ?? [];
            var keys = ledger.GroupBy(e => e.IdempotencyKey).ToDictionary(g => g.Key, g => g.ToList());
            Interlocked.Add(ref entries, ledger.Count);
            Interlocked.Add(ref lost, mine.Count(a => !keys.ContainsKey(a.Key)));
            Interlocked.Add(ref doubled, keys.Values.Sum(k => k.Count - 1));
            Interlocked.Add(ref unacknowledged, keys.Keys.Count(k => !acknowledged.ContainsKey(k)));
            Interlocked.Add(ref wrongAmount, mine.Count(a => keys.TryGetValue(a.Key, out var found) && found[0].Amount != a.Value.Amount));
            if (balance != ledger.Sum(e => e.Amount) || balance != mine.Sum(a => a.Value.Amount))
            {
                Interlocked.Increment(ref balanceOff);
            }
        });
        Lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"ledgers: {park.Members.Count} members, {entries} entries for {acknowledged.Count} acknowledged awards: {lost} lost, {doubled} doubled, {unacknowledged} not acknowledged, {wrongAmount} with another amount; {balanceOff} balances differing from their ledger or from the acknowledged awards (read in {clock.Elapsed.TotalSeconds:F0} s)"));
        Problem("lost", lost);
        Problem("doubled", doubled);
        Problem("unacknowledged in ledger", unacknowledged);
        Problem("wrong amount", wrongAmount);
        Problem("balance differs", balanceOff);
    }

    private async Task ConsistencyAsync()
    {
        try
        {
            var report = await _points.CheckLedgerConsistencyAsync(new CheckLedgerConsistencyRequest { ParkId = park.Id }, _admin, DateTime.UtcNow.AddMinutes(5));
            Lines.Add($"the node's consistency check: {report.MembersChecked} members, {report.EntriesChecked} entries, {report.Differences.Count} differences");
            Problem("consistency check differences", report.Differences.Count);
        }
        catch (RpcException e)
        {
            Lines.Add($"the node's consistency check failed: {e.Status}");
            Problem("consistency check failed");
        }
    }

    private async Task WatchAsync(IEnumerable<V1.LedgerEntry> entries, BoardWatcher watch)
    {
        var totals = entries.GroupBy(e => e.MemberId).ToDictionary(g => g.Key, g => g.Sum(e => e.Amount));
        var shows = await watch.UntilAsync(u =>
        {
            var listed = u.Entries.ToDictionary(e => e.MemberId, e => e.Score);
            var lowest = listed.Count == 0 ? long.MaxValue : listed.Values.Min();
            return listed.All(l => totals.GetValueOrDefault(l.Key) == l.Value)
                && listed.Count == Math.Min(totals.Count(t => t.Value != 0), watch.Top)
                && totals.Where(t => !listed.ContainsKey(t.Key)).All(t => t.Value <= lowest);
        }, TimeSpan.FromSeconds(10));
        Lines.Add(shows
            ? $"watch held through the run shows the final totals ({watch.Latest?.Entries.Count} entries, version {watch.Latest?.Version}); {watch.Errors} stream errors, each followed by a reconnect ({watch.FailedReconnects} reconnect attempts failed while the node was away)"
            : $"watch held through the run does NOT show the final totals 10 s after the checks; latest version {watch.Latest?.Version}; {watch.Errors} stream errors");
        Problem("watch not showing final totals", shows ? 0 : 1);
    }
}
