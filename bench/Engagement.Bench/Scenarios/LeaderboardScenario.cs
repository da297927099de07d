using System.Diagnostics;
using Engagement.V1;
using Grpc.Net.Client;

namespace Engagement.Bench;

/// <summary>
/// Boards under load: every seeded member earns once (all land on the park's all-time board), then rank and top-N
/// queries run closed loop, then a watcher measures how long an award takes to show in its stream.
/// </summary>
public static class LeaderboardScenario
{
    private const int WatchSamples = 20;

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(GrpcChannel channel, Tokens tokens, Park park, BenchOptions options)
    {
        var admin = Park.Bearer(park.AdminToken);
        var points = new PointsService.PointsServiceClient(channel);
        var boards = new V1.LeaderboardService.LeaderboardServiceClient(channel);
        var (fill, fillElapsed) = await Load.RunAsync(options.Concurrency, TimeSpan.FromHours(1), park.Members.Count, async n =>
            await points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = park.Members[(int)n], Amount = 1 + (n % 50), Reason = "bench", IdempotencyKey = $"board-{n}" }, admin));
        var board = new GetMemberRankRequest { Scope = LeaderboardScope.ParkMembers, ScopeId = park.Id, Period = LeaderboardPeriod.All, Around = 3 };
        var (ranks, ranksElapsed) = await Load.RunAsync(options.Concurrency, options.Duration, long.MaxValue, async n =>
        {
            var request = board.Clone();
            request.MemberId = park.Members[(int)(n % park.Members.Count)];
            await boards.GetMemberRankAsync(request, admin);
        });
        var (tops, topsElapsed) = await Load.RunAsync(options.Concurrency, options.Duration, long.MaxValue, async _ =>
            await boards.GetLeaderboardAsync(new GetLeaderboardRequest { Scope = LeaderboardScope.ParkMembers, ScopeId = park.Id, Period = LeaderboardPeriod.All, PageSize = 100 }, admin));

        var watch = new LatencyRecorder();
        var latencies = watch.NewWorker();
        using var stream = boards.WatchLeaderboard(new WatchLeaderboardRequest { Scope = LeaderboardScope.ParkMembers, ScopeId = park.Id, Period = LeaderboardPeriod.All, Top = 10 }, admin);
        await stream.ResponseStream.MoveNext(CancellationToken.None);
        var started = Stopwatch.StartNew();
        for (var i = 0; i < WatchSamples; i++)
        {
            var member = park.Members[i % park.Members.Count];
            var top = stream.ResponseStream.Current.Entries.FirstOrDefault()?.Score ?? 0;
            var start = Stopwatch.GetTimestamp();
            await points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = member, Amount = top + 100, Reason = "bench", IdempotencyKey = $"watch-{i}" }, admin);
            while (await stream.ResponseStream.MoveNext(CancellationToken.None))
            {
                if (stream.ResponseStream.Current.Entries.FirstOrDefault()?.MemberId == member)
                {
                    latencies.Add(LatencyRecorder.ElapsedMs(start));
                    break;
                }
            }
        }

        return
        [
            fill.Result("leaderboard: awards feeding boards", fillElapsed, $"{park.Members.Count} members, 15 boards each"),
            ranks.Result($"leaderboard: rank query ({park.Members.Count} on board)", ranksElapsed, "GetMemberRank around 3"),
            tops.Result("leaderboard: top 100 query", topsElapsed, "GetLeaderboard page of 100"),
            watch.Result("leaderboard: award to watcher", started.Elapsed, "ack of the award to its arrival in WatchLeaderboard"),
        ];
    }
}
