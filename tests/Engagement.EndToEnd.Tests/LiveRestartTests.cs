using Engagement.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.EndToEnd;

/// <summary>
/// Live boards and watches keep working after the node restarts: new awards reach every board, and watches of boards
/// watched before the restart and of boards never watched open and show them.
/// </summary>
public sealed class LiveRestartTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task AfterASigkillWhileAwardsFlowBoardsAndOldAndNewWatchesShowEveryNewAward()
    {
        var directory = Directory.CreateTempSubdirectory("engagement-live-kill-").FullName;
        var settings = new NodeSettings(directory, []);
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{settings.GrpcPort}");
        var node = await NodeProcess.StartAsync(settings);
        try
        {
            var flow = await LiveFlow.SeedAsync(channel, settings.Key);
            using (var before = flow.Watch(channel, settings.Key, LeaderboardScope.BranchMembers, LeaderboardPeriod.All))
            {
                await flow.AwardAsync(() => channel, settings.Key, 5);
                await before.ShowsAsync(await flow.LedgersAsync(channel, settings.Key), LeaderboardPeriod.All, Deadline);
            }

            // SIGKILL while awards flow; the client retries each award with its key through the restart.
            var flowing = flow.AwardAsync(() => channel, settings.Key, 30);
            await Eventually.SucceedsAsync(() => Task.FromResult(flow.Acknowledged >= 15 ? true : throw new InvalidOperationException($"{flow.Acknowledged} acknowledged")),
                Deadline, "awards flowing");
            node.Kill();
            await node.DisposeAsync();
            node = await NodeProcess.StartAsync(settings);
            await flowing;

            await WatchesAndBoardsFollowNewAwardsAsync(flow, channel, settings.Key);

            // The member's notice feed is relayed the same way.
            var (memberId, _) = await flow.Seed.MemberAsync();
            var member = Seed.Reattach(flow.Seed, channel, settings.Key).As(memberId, new RoleGrant(Role.Member, memberId));
            using var feedDeadline = new CancellationTokenSource(Deadline);
            using var feed = member.Notices.WatchFeed(new WatchFeedRequest(), cancellationToken: feedDeadline.Token);
            await feed.ResponseHeadersAsync;
            var notice = await Seed.Reattach(flow.Seed, channel, settings.Key).Secretary.Notices.PublishNoticeAsync(new PublishNoticeRequest
            {
                Audience = V1.NoticeAudience.Branch, AudienceId = flow.Seed.Branch, Title = "重启之后", Body = "直播照常。", IdempotencyKey = "after-restart",
            });
            Assert.True(await feed.ResponseStream.MoveNext(feedDeadline.Token));
            Assert.Equal(notice.Notice.NoticeId, feed.ResponseStream.Current.Notice.NoticeId);
        }
        finally
        {
            await node.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task StoppingANodeEndsItsWatchesWithUnavailableInsteadOfHoldingTheShutdown()
    {
        var directory = Directory.CreateTempSubdirectory("engagement-live-term-").FullName;
        var settings = new NodeSettings(directory, []);
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{settings.GrpcPort}");
        var node = await NodeProcess.StartAsync(settings);
        try
        {
            var flow = await LiveFlow.SeedAsync(channel, settings.Key, members: 2);
            var admin = Seed.Reattach(flow.Seed, channel, settings.Key).Admin;
            using var watch = admin.Leaderboards.WatchLeaderboard(new WatchLeaderboardRequest
            {
                Scope = LeaderboardScope.BranchMembers, ScopeId = flow.Seed.Branch, Period = LeaderboardPeriod.All,
            }, cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(await watch.ResponseStream.MoveNext(TestContext.Current.CancellationToken), "a snapshot");

            // SIGTERM: the watch ends at once with UNAVAILABLE (watch again), and the node exits well within the host's
            // 30 s shutdown timeout, which a held watch used to run out (refusing every call meanwhile).
            var stopping = node.StopAsync(TimeSpan.FromSeconds(20));
            await RpcAssert.FailsAsync(StatusCode.Unavailable, ErrorReasons.Unavailable, async () =>
            {
                while (await watch.ResponseStream.MoveNext(TestContext.Current.CancellationToken))
                {
                }
            });
            await stopping;
        }
        finally
        {
            await node.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task AfterTheBoardsAndFeedsWereCollectedAndTheNodeStoppedGracefullyWatchesAndBoardsStillFollowAwards()
    {
        var directory = Directory.CreateTempSubdirectory("engagement-live-stop-").FullName;
        string[] quickCollection = ["--Engagement:Grains:CollectionAge=00:00:05", "--Engagement:Grains:CollectionQuantum=00:00:01"];
        var node = await TestNode.StartAsync(directory, extraArgs: quickCollection);
        try
        {
            var flow = await LiveFlow.SeedAsync(node.Channel, node.Key);
            using (var before = flow.Watch(node.Channel, node.Key, LeaderboardScope.BranchMembers, LeaderboardPeriod.All))
            {
                await flow.AwardAsync(() => node.Channel, node.Key, 10);
                await before.ShowsAsync(await flow.LedgersAsync(node.Channel, node.Key), LeaderboardPeriod.All, Deadline);
            }

            // Everything of the live path goes idle and is collected (its state written out) before the stop.
            var management = node.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
            await Eventually.SucceedsAsync(async () =>
            {
                var live = (await management.GetSimpleGrainStatistics())
                    .Where(s => s.ActivationCount > 0 && (s.GrainType.Contains("Leaderboard", StringComparison.Ordinal) || s.GrainType.Contains("Feed", StringComparison.Ordinal)))
                    .Select(s => $"{s.GrainType}×{s.ActivationCount}").ToList();
                return live.Count == 0 ? true : throw new InvalidOperationException(string.Join(", ", live));
            }, TimeSpan.FromSeconds(60), "boards and feeds collected");
            await node.DisposeAsync();
            node = await TestNode.StartAsync(directory, extraArgs: quickCollection);

            await WatchesAndBoardsFollowNewAwardsAsync(flow, node.Channel, node.Key);
        }
        finally
        {
            await node.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// After a restart: a watch of a board watched before and watches of boards never watched open, 20 more awards
    /// reach them and every board, and every board equals the ledgers.
    /// </summary>
    internal static async Task WatchesAndBoardsFollowNewAwardsAsync(LiveFlow flow, GrpcChannel channel, Microsoft.IdentityModel.Tokens.SecurityKey key, TimeSpan? deadline = null)
    {
        var within = deadline ?? Deadline;
        using var old = flow.Watch(channel, key, LeaderboardScope.BranchMembers, LeaderboardPeriod.All);
        using var fresh = flow.Watch(channel, key, LeaderboardScope.ParkMembers, LeaderboardPeriod.Day);
        using var week = flow.Watch(channel, key, LeaderboardScope.CommitteeMembers, LeaderboardPeriod.Week);
        foreach (var watch in new[] { old, fresh, week })
        {
            await watch.UntilAsync(_ => true, within, "a snapshot");
        }

        await flow.AwardAsync(() => channel, key, 20);
        var ledgers = await flow.LedgersAsync(channel, key);
        await old.ShowsAsync(ledgers, LeaderboardPeriod.All, within);
        await fresh.ShowsAsync(ledgers, LeaderboardPeriod.Day, within);
        await week.ShowsAsync(ledgers, LeaderboardPeriod.Week, within);
        await flow.BoardsEqualLedgersAsync(channel, key, within);
    }
}
