using Engagement.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace Engagement.EndToEnd;

/// <summary>Boards show who is on them: each member's display name (a branch's name on branch boards), kept current.</summary>
[Collection(NodeCollection.Name)]
public sealed class LeaderboardNameTests(NodeFixture fixture)
{
    private const string Phone = "13912345678";
    private const string Company = "临港智能制造有限公司";

    private TestNode Node => fixture.Node;

    [Fact]
    public async Task ABoardShowsEachMembersDisplayNameAndNothingPrivate()
    {
        var seed = await Seed.CreateAsync(Node);
        var (zhang, zhangApi) = await RegisterAsync(seed, "张三丰");
        var (li, _) = await RegisterAsync(seed, "李四");
        await AdjustAsync(seed, zhang, 5);
        await AdjustAsync(seed, li, 3);

        var board = await Eventually.SucceedsAsync(async () =>
        {
            var page = await zhangApi.Leaderboards.GetLeaderboardAsync(Board(LeaderboardScope.BranchMembers, seed.Branch, LeaderboardPeriod.All));
            return page.Entries.Count == 2 ? page : throw new InvalidOperationException($"not yet: {page}");
        }, TimeSpan.FromSeconds(5), "the board showing both members");
        var rank = await zhangApi.Leaderboards.GetMemberRankAsync(new GetMemberRankRequest
        {
            Scope = LeaderboardScope.ParkMembers, ScopeId = seed.Park, Period = LeaderboardPeriod.Day, Around = 1,
        });
        var branches = await Eventually.SucceedsAsync(async () =>
        {
            var page = await seed.Admin.Leaderboards.GetLeaderboardAsync(Board(LeaderboardScope.CommitteeBranches, seed.Committee, LeaderboardPeriod.Week));
            return page.Entries.Count == 1 && page.Entries[0].Score == 8 ? page : throw new InvalidOperationException($"not yet: {page}");
        }, TimeSpan.FromSeconds(5), "the committee's branch board");

        Assert.Equal([(zhang, "张三丰"), (li, "李四")], board.Entries.Select(e => (e.MemberId, e.DisplayName)));
        Assert.Equal(("张三丰", "李四"), (rank.Entry.DisplayName, rank.Below[0].DisplayName));
        Assert.Equal((seed.Branch, "第一党支部", ""), (branches.Entries[0].BranchId, branches.Entries[0].BranchName, branches.Entries[0].DisplayName));
        var shown = JsonFormatter.Default.Format(board) + JsonFormatter.Default.Format(rank);
        Assert.DoesNotContain(Phone, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(Company, shown, StringComparison.Ordinal);
        Assert.DoesNotContain("\"branchName\"", JsonFormatter.Default.Format(board), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARenameShowsOnTheBoardsAndInAnOpenWatch()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, member) = await RegisterAsync(seed, "王小明");
        var (other, otherApi) = await RegisterAsync(seed, "赵六");
        await AdjustAsync(seed, id, 4);
        var ct = TestContext.Current.CancellationToken;
        using var watch = seed.Secretary.Leaderboards.WatchLeaderboard(
            new WatchLeaderboardRequest { Scope = LeaderboardScope.BranchMembers, ScopeId = seed.Branch, Period = LeaderboardPeriod.Week, Top = 10 },
            cancellationToken: ct);
        await NextAsync(watch, u => u.Entries.Any(e => e.MemberId == id && e.DisplayName == "王小明"), ct);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => otherApi.Organization.SetMemberDisplayNameAsync(new SetMemberDisplayNameRequest { MemberId = id, DisplayName = "冒名", IdempotencyKey = "x" }).ResponseAsync);
        var renamed = await member.Organization.SetMemberDisplayNameAsync(new SetMemberDisplayNameRequest { MemberId = id, DisplayName = " 小明同志 ", IdempotencyKey = "r" });
        var update = await NextAsync(watch, u => u.Entries.Any(e => e.MemberId == id && e.DisplayName == "小明同志"), ct);
        var boards = await Eventually.SucceedsAsync(async () =>
        {
            var shown = new List<string>();
            foreach (var (scope, scopeId) in new[] { (LeaderboardScope.BranchMembers, seed.Branch), (LeaderboardScope.CommitteeMembers, seed.Committee), (LeaderboardScope.ParkMembers, seed.Park) })
            {
                foreach (var period in new[] { LeaderboardPeriod.Day, LeaderboardPeriod.All })
                {
                    var page = await member.Leaderboards.GetLeaderboardAsync(Board(scope, scopeId, period));
                    shown.Add(page.Entries.Single(e => e.MemberId == id).DisplayName);
                }
            }

            return shown.All(n => n == "小明同志") ? shown : throw new InvalidOperationException(string.Join(",", shown));
        }, TimeSpan.FromSeconds(5), "every board of the member showing the new name");
        var profile = await seed.Secretary.Organization.GetMemberAsync(new GetMemberRequest { MemberId = id });

        Assert.Equal("小明同志", renamed.Member.DisplayName);
        Assert.Equal("小明同志", profile.Member.DisplayName);
        Assert.Equal(6, boards.Count);
        Assert.DoesNotContain(update.Entries, e => e.MemberId == other);
        Assert.Equal(Phone, profile.Member.Phone);
    }

    [Fact]
    public async Task ASecretaryRenamesAMemberOfTheirBranchOnlyAndTheNameIsValidated()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, _) = await RegisterAsync(seed, "钱七");
        var (_, otherSecretary) = await seed.SecondBranchAsync();

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => seed.Secretary.Organization.SetMemberDisplayNameAsync(new SetMemberDisplayNameRequest { MemberId = id, DisplayName = " ", IdempotencyKey = "" }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => otherSecretary.Organization.SetMemberDisplayNameAsync(new SetMemberDisplayNameRequest { MemberId = id, DisplayName = "孙八", IdempotencyKey = "o" }).ResponseAsync);
        var renamed = await seed.Secretary.Organization.SetMemberDisplayNameAsync(new SetMemberDisplayNameRequest { MemberId = id, DisplayName = "钱七七", IdempotencyKey = "s" });
        var audit = await seed.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park });

        Assert.Equal(["display_name", "idempotency_key"], RpcAssert.ViolatedFields(error));
        Assert.Equal("钱七七", renamed.Member.DisplayName);
        Assert.Contains(audit.Records, r => r.Action == "rename-member" && r.Target == id && r.Actor == "secretary");
    }

    [Fact]
    public async Task NamesOnBoardsAreStillThereAfterARestart()
    {
        var directory = Directory.CreateTempSubdirectory("engagement-names-").FullName;
        try
        {
            Seed seed;
            string id;
            await using (var node = await TestNode.StartAsync(directory))
            {
                seed = await Seed.CreateAsync(node);
                (id, var member) = await RegisterAsync(seed, "周九");
                await AdjustAsync(seed, id, 9);
                await member.Organization.SetMemberDisplayNameAsync(new SetMemberDisplayNameRequest { MemberId = id, DisplayName = "周老九", IdempotencyKey = "r" });
                await Eventually.SucceedsAsync(async () =>
                    (await seed.Secretary.Leaderboards.GetLeaderboardAsync(Board(LeaderboardScope.BranchMembers, seed.Branch, LeaderboardPeriod.All))).Entries
                        .Single().DisplayName == "周老九" ? true : throw new InvalidOperationException("not yet"), TimeSpan.FromSeconds(5), "the rename on the board");
            }

            await using var restarted = await TestNode.StartAsync(directory);
            var again = Seed.Reattach(seed, restarted.Channel, restarted.Key);
            var branch = await again.Secretary.Leaderboards.GetLeaderboardAsync(Board(LeaderboardScope.BranchMembers, seed.Branch, LeaderboardPeriod.All));
            var park = await again.Admin.Leaderboards.GetLeaderboardAsync(Board(LeaderboardScope.ParkMembers, seed.Park, LeaderboardPeriod.Month));
            var branches = await again.Admin.Leaderboards.GetLeaderboardAsync(Board(LeaderboardScope.CommitteeBranches, seed.Committee, LeaderboardPeriod.Year));

            Assert.Equal((id, "周老九", 9L), (branch.Entries.Single().MemberId, branch.Entries.Single().DisplayName, branch.Entries.Single().Score));
            Assert.Equal("周老九", park.Entries.Single().DisplayName);
            Assert.Equal("第一党支部", branches.Entries.Single().BranchName);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task ARenameJustBeforeASigkillShowsOnTheBoardsAfterTheRestart()
    {
        var directory = Directory.CreateTempSubdirectory("engagement-names-kill-").FullName;
        var settings = new NodeSettings(directory, []);
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{settings.GrpcPort}");
        var node = await NodeProcess.StartAsync(settings);
        try
        {
            var seed = await Seed.CreateAsync(channel, settings.Key);
            var (id, member) = await RegisterAsync(seed, "吴十");
            await AdjustAsync(seed, id, 7);
            await Eventually.SucceedsAsync(async () =>
                (await seed.Secretary.Leaderboards.GetLeaderboardAsync(Board(LeaderboardScope.BranchMembers, seed.Branch, LeaderboardPeriod.All))).Entries
                    .Single().DisplayName == "吴十" ? true : throw new InvalidOperationException("not yet"), TimeSpan.FromSeconds(10), "the board before the kill");

            // The boards' snapshots are at most 5 s old (a board may not have one yet): the kill most likely takes the
            // rename with them, not the member's stored name. A board re-created from its snapshot reconciles 1 s after
            // activation; one without a snapshot is rebuilt from the ledgers by its first reconcile, 5 s after.
            await member.Organization.SetMemberDisplayNameAsync(new SetMemberDisplayNameRequest { MemberId = id, DisplayName = "吴老十", IdempotencyKey = "r" });
            node.Kill();
            await node.DisposeAsync();
            node = await NodeProcess.StartAsync(settings);

            var shown = await Eventually.SucceedsAsync(async () =>
            {
                // Both boards are asked each time, so both are re-created at once and neither waits for the other.
                var pages = await Task.WhenAll(new[] { (LeaderboardScope.BranchMembers, seed.Branch), (LeaderboardScope.ParkMembers, seed.Park) }
                    .Select(async b => await seed.Admin.Leaderboards.GetLeaderboardAsync(Board(b.Item1, b.Item2, LeaderboardPeriod.All))));
                var names = pages.Select(p => p.Entries.Count == 1 ? p.Entries[0].DisplayName : $"{p.Entries.Count} entries").ToList();
                return names.All(n => n == "吴老十") ? names : throw new InvalidOperationException(string.Join(",", names));
            }, TimeSpan.FromSeconds(45), "the boards showing the rename after the restart");

            Assert.Equal(2, shown.Count);
        }
        finally
        {
            await node.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static GetLeaderboardRequest Board(LeaderboardScope scope, string scopeId, LeaderboardPeriod period) =>
        new() { Scope = scope, ScopeId = scopeId, Period = period, PageSize = 10 };

    private static async Task<(string Id, Api Api)> RegisterAsync(Seed seed, string name)
    {
        var id = Seed.Next("m");
        await seed.Secretary.Organization.RegisterMemberAsync(new RegisterMemberRequest
        {
            BranchId = seed.Branch, MemberId = id, DisplayName = name, Phone = Phone, Company = Company, IdempotencyKey = Seed.Next("k"),
        });
        await seed.Secretary.Organization.VerifyMemberAsync(new VerifyMemberRequest { MemberId = id, IdempotencyKey = Seed.Next("k") });
        return (id, seed.As(id, new RoleGrant(Role.Member, id)));
    }

    private static Task AdjustAsync(Seed seed, string id, long amount) =>
        seed.Secretary.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = id, Amount = amount, Reason = "志愿服务", IdempotencyKey = Seed.Next("k") }).ResponseAsync;

    /// <summary>Reads the watch until an update satisfies <paramref name="wanted"/>, within 5 seconds.</summary>
    private static async Task<WatchLeaderboardResponse> NextAsync(AsyncServerStreamingCall<WatchLeaderboardResponse> watch, Func<WatchLeaderboardResponse, bool> wanted, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(5));
        while (await watch.ResponseStream.MoveNext(deadline.Token))
        {
            if (wanted(watch.ResponseStream.Current))
            {
                return watch.ResponseStream.Current;
            }
        }

        throw new InvalidOperationException("the watch ended");
    }
}
