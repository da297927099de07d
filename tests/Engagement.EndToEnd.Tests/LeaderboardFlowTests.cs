using Engagement.V1;
using Grpc.Core;

namespace Engagement.EndToEnd;

[Collection(NodeCollection.Name)]
public sealed class LeaderboardFlowTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    [Fact]
    public async Task MembersSeeTheirBranchBoardFillAsPointsAreEarnedAndTheirOwnRank()
    {
        var seed = await Seed.CreateAsync(Node);
        var members = new List<(string Id, Api Api)>();
        for (var i = 0; i < 3; i++)
        {
            members.Add(await seed.MemberAsync());
        }

        await seed.Secretary.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = members[2].Id, Amount = 7, Reason = "志愿服务", IdempotencyKey = "a" });
        await seed.Secretary.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = members[0].Id, Amount = 3, Reason = "学习", IdempotencyKey = "b" });
        foreach (var (_, api) in members)
        {
            await api.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "k" });
        }

        var request = new GetLeaderboardRequest { Scope = LeaderboardScope.BranchMembers, ScopeId = seed.Branch, Period = LeaderboardPeriod.Week, PageSize = 2 };
        var first = await Eventually.SucceedsAsync(async () =>
        {
            var page = await members[1].Api.Leaderboards.GetLeaderboardAsync(request);
            return page.Total == 3 && page.Entries[0].Score == 8 ? page : throw new InvalidOperationException("not yet");
        }, TimeSpan.FromSeconds(5), "the board catching up with the ledger");
        var nextRequest = request.Clone();
        nextRequest.PageToken = first.NextPageToken;
        var next = await members[1].Api.Leaderboards.GetLeaderboardAsync(nextRequest);
        var mine = await members[1].Api.Leaderboards.GetMemberRankAsync(new GetMemberRankRequest
        {
            Scope = LeaderboardScope.BranchMembers, ScopeId = seed.Branch, Period = LeaderboardPeriod.Week, Around = 1,
        });

        Assert.Equal([members[2].Id, members[0].Id], first.Entries.Select(e => e.MemberId));
        Assert.Equal([8L, 4L], first.Entries.Select(e => e.Score));
        Assert.Matches(@"^\d{4}-W\d{2}$", first.PeriodKey);
        Assert.Equal([members[1].Id], next.Entries.Select(e => e.MemberId));
        Assert.Equal("", next.NextPageToken);
        Assert.Equal((3L, 1L), (mine.Entry.Rank, mine.Entry.Score));
        Assert.Equal([members[0].Id], mine.Above.Select(e => e.MemberId));
    }

    [Fact]
    public async Task ACommitteesBranchesRankByPointsPerMemberSoASmallBranchCompetesFairly()
    {
        var seed = await Seed.CreateAsync(Node);
        var (small, _) = await seed.MemberAsync();
        var bigBranch = Seed.Next("br");
        await seed.Admin.Organization.CreateBranchAsync(new CreateBranchRequest { CommitteeId = seed.Committee, BranchId = bigBranch, Name = "联合支部", IdempotencyKey = "b" });
        var big = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = Seed.Next("m");
            await seed.Admin.Organization.RegisterMemberAsync(new RegisterMemberRequest { BranchId = bigBranch, MemberId = id, DisplayName = "李", IdempotencyKey = "r" });
            await seed.Admin.Organization.VerifyMemberAsync(new VerifyMemberRequest { MemberId = id, IdempotencyKey = "v" });
            await seed.Admin.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = id, Amount = 4, Reason = "学习", IdempotencyKey = "a" });
            big.Add(id);
        }

        await seed.Admin.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = small, Amount = 10, Reason = "学习", IdempotencyKey = "a" });
        var leader = seed.As("leader", new RoleGrant(Role.CommitteeLeader, seed.Committee));

        var board = await Eventually.SucceedsAsync(async () =>
        {
            var page = await leader.Leaderboards.GetLeaderboardAsync(new GetLeaderboardRequest
            {
                Scope = LeaderboardScope.CommitteeBranches, ScopeId = seed.Committee, Period = LeaderboardPeriod.Month,
            });
            return page.Total == 2 && page.Entries.Sum(e => e.Score) == 22 ? page : throw new InvalidOperationException("not yet");
        }, TimeSpan.FromSeconds(5), "the branch board");

        Assert.Equal([seed.Branch, bigBranch], board.Entries.Select(e => e.BranchId));
        Assert.Equal([10L, 12L], board.Entries.Select(e => e.Score));
        Assert.Equal([1, 3], board.Entries.Select(e => e.Members));
        Assert.Equal([10.0, 4.0], board.Entries.Select(e => e.PointsPerMember));
    }

    [Fact]
    public async Task APastPeriodStaysReadableAndAnotherParksBoardIsNot()
    {
        var seed = await Seed.CreateAsync(Node);
        var other = await Seed.CreateAsync(Node);
        var (_, member) = await seed.MemberAsync();
        var (_, outsider) = await other.MemberAsync();
        var checkIn = await member.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "k" });
        Node.Time.Advance(TimeSpan.FromDays(1));

        var yesterday = await Eventually.SucceedsAsync(async () =>
        {
            var page = await member.Leaderboards.GetLeaderboardAsync(new GetLeaderboardRequest
            {
                Scope = LeaderboardScope.ParkMembers, ScopeId = seed.Park, Period = LeaderboardPeriod.Day, PeriodKey = checkIn.Day,
            });
            return page.Total == 1 ? page : throw new InvalidOperationException("not yet");
        }, TimeSpan.FromSeconds(5), "yesterday's board");
        var today = await member.Leaderboards.GetLeaderboardAsync(new GetLeaderboardRequest { Scope = LeaderboardScope.ParkMembers, ScopeId = seed.Park, Period = LeaderboardPeriod.Day });

        Assert.Equal(checkIn.Day, yesterday.PeriodKey);
        Assert.NotEqual(checkIn.Day, today.PeriodKey);
        Assert.Equal(0, today.Total);
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.ParkNotFound,
            () => outsider.Leaderboards.GetLeaderboardAsync(new GetLeaderboardRequest { Scope = LeaderboardScope.ParkMembers, ScopeId = seed.Park, Period = LeaderboardPeriod.All }));
        var invalid = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => member.Leaderboards.GetLeaderboardAsync(new GetLeaderboardRequest { Scope = LeaderboardScope.ParkMembers, ScopeId = seed.Park, Period = LeaderboardPeriod.Week, PeriodKey = "2026-11" }));
        Assert.Equal(["period_key"], RpcAssert.ViolatedFields(invalid));
    }
}
