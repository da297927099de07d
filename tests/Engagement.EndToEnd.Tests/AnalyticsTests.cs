using System.Net;
using System.Net.Http.Headers;
using Engagement.Gateway;
using Engagement.V1;
using Grpc.Core;

namespace Engagement.EndToEnd;

[Collection(NodeCollection.Name)]
public sealed class AnalyticsTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    private string Today => ProtoMapping.Day(ParkClock.DayOf(Node.Time.GetUtcNow(), ParkClock.DefaultTimeZone));

    [Fact]
    public async Task BranchAndCommitteeFiguresOfTwoDaysMatchTheHandComputedValues()
    {
        var seed = await Seed.CreateAsync(Node);
        var (branchB, secretaryB) = await seed.SecondBranchAsync();
        var leader = seed.As("leader", new RoleGrant(Role.CommitteeLeader, seed.Committee));
        var (a1, apiA1) = await seed.MemberAsync();
        var (a2, apiA2) = await seed.MemberAsync();
        var (a3, _) = await seed.MemberAsync();
        var (b1, apiB1) = await MemberOfAsync(seed, branchB, secretaryB);
        var day1 = Today;
        // Day 1: a1, a2 and b1 check in (1 point each); a2 gets +25 and a1 −1 by hand (not activity).
        await CheckInAsync(apiA1, apiA2, apiB1);
        await seed.Secretary.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = a2, Amount = 25, Reason = "志愿服务", IdempotencyKey = Seed.Next("k") });
        await seed.Secretary.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = a1, Amount = -1, Reason = "更正", IdempotencyKey = Seed.Next("k") });
        Node.Time.Advance(TimeSpan.FromDays(1));
        // Day 2: a1 and b1 check in.
        await CheckInAsync(apiA1, apiB1);
        var day2 = Today;

        var branch = await Eventually.SucceedsAsync(async () =>
        {
            var a = (await seed.Secretary.Analytics.GetBranchAnalyticsAsync(new GetBranchAnalyticsRequest { BranchId = seed.Branch, FromDay = day1, ToDay = day2 })).Analytics;
            return a.Trend.Sum(d => d.PointsEarned) == 3 ? a : throw new InvalidOperationException($"{a.Trend.Sum(d => d.PointsEarned)} points so far");
        }, TimeSpan.FromSeconds(20), "the branch's figures");
        var committee = await leader.Analytics.GetCommitteeAnalyticsAsync(new GetCommitteeAnalyticsRequest { CommitteeId = seed.Committee, FromDay = day1, ToDay = day2 });

        Assert.Equal((2, 3, 0, 2), (branch.Days, branch.Members, branch.DeactivatedMembers, branch.ActiveMembers));
        Assert.Equal(2.0 / 3, branch.ActiveRatio, 9);
        Assert.Equal(1.5, branch.AverageDailyActive, 9);
        Assert.Equal((3L, 24L, 0L, 0L), (branch.PointsEarned, branch.PointsAdjusted, branch.PointsSpent, branch.PointsRefunded));
        Assert.Equal(1.0, branch.PointsPerMember, 9);
        Assert.Equal([(day1, 2, 2L, 2L), (day2, 1, 1L, 1L)], branch.Trend.Select(d => (d.Day, d.ActiveMembers, d.PointsEarned, d.EarningEntries)));
        var checkIns = Assert.Single(branch.Participation, p => p.Entries > 0);
        Assert.Equal((V1.LedgerEntryKind.CheckIn, 2, 3L, 3L), (checkIns.Kind, checkIns.Members, checkIns.Entries, checkIns.Points));
        Assert.Equal([(a1, 2, 2L), (a2, 1, 1L), (a3, 0, 0L)], branch.TopMembers.Select(m => (m.MemberId, m.ActiveDays, m.PointsEarned)));
        Assert.Equal([a3, a2, a1], branch.LeastActiveMembers.Select(m => m.MemberId));
        Assert.Equal(new[] { a1, a2, a3 }.Order(StringComparer.Ordinal), branch.NewMembers.Select(m => m.MemberId));
        Assert.All(branch.NewMembers, m => Assert.Equal((day1, "王小明"), (m.RegisteredDay, m.DisplayName)));
        var sameWeek = Monday(day1) == Monday(day2);
        Assert.Equal(sameWeek ? [(Monday(day1), 2, 3L)] : [(Monday(day1), 2, 2L), (Monday(day2), 1, 1L)],
            branch.WeeklyActive.Select(w => (w.WeekStart, w.ActiveMembers, w.PointsEarned)));

        Assert.Equal((4, 3, 5L, 24L), (committee.Analytics.Members, committee.Analytics.ActiveMembers, committee.Analytics.PointsEarned, committee.Analytics.PointsAdjusted));
        Assert.Equal([(branchB, 1, 1, 2L, 2.0), (seed.Branch, 3, 2, 3L, 1.0)],
            committee.Branches.Select(b => (b.BranchId, b.Members, b.ActiveMembers, b.PointsEarned, b.PointsPerMember)));
        Assert.Equal(new[] { a1, b1 }.Order(StringComparer.Ordinal), committee.Analytics.TopMembers.Take(2).Select(m => m.MemberId));

        // The figures reconcile with the ledgers: every point of the branch's members in the period is accounted for.
        var ledgerSum = 0L;
        foreach (var id in new[] { a1, a2, a3 })
        {
            ledgerSum += (await seed.Secretary.Points.ListLedgerAsync(new ListLedgerRequest { MemberId = id, PageSize = 100 })).Entries.Sum(e => e.Amount);
        }

        Assert.Equal(ledgerSum, branch.PointsEarned + branch.PointsAdjusted - branch.PointsSpent + branch.PointsRefunded);
    }

    [Fact]
    public async Task ATransferredMembersPointsStayWithTheBranchWhereTheyWereEarnedOnBoardsAndInAnalytics()
    {
        var seed = await Seed.CreateAsync(Node);
        var (branchB, secretaryB) = await seed.SecondBranchAsync();
        var (id, member) = await seed.MemberAsync();
        var day1 = Today;
        await CheckInAsync(member);
        await seed.Secretary.BackOffice.RequestTransferAsync(new RequestTransferRequest { MemberId = id, ToBranchId = branchB, IdempotencyKey = Seed.Next("k") });
        await secretaryB.BackOffice.AcceptTransferAsync(new AcceptTransferRequest { MemberId = id, IdempotencyKey = Seed.Next("k") });
        Node.Time.Advance(TimeSpan.FromDays(1));
        await CheckInAsync(member);
        var day2 = Today;

        var a = (await seed.Admin.Analytics.GetBranchAnalyticsAsync(new GetBranchAnalyticsRequest { BranchId = seed.Branch, FromDay = day1, ToDay = day2 })).Analytics;
        var b = await Eventually.SucceedsAsync(async () =>
        {
            var figures = (await seed.Admin.Analytics.GetBranchAnalyticsAsync(new GetBranchAnalyticsRequest { BranchId = branchB, FromDay = day1, ToDay = day2 })).Analytics;
            return figures.PointsEarned == 1 ? figures : throw new InvalidOperationException($"{figures.PointsEarned} points so far");
        }, TimeSpan.FromSeconds(20), "the new branch's figures");
        var committee = (await seed.Admin.Analytics.GetCommitteeAnalyticsAsync(new GetCommitteeAnalyticsRequest { CommitteeId = seed.Committee, FromDay = day1, ToDay = day2 })).Analytics;

        var boards = await Eventually.SucceedsAsync(async () =>
        {
            var scores = new List<(string, long)>();
            foreach (var branch in new[] { seed.Branch, branchB })
            {
                var board = await seed.Admin.Leaderboards.GetLeaderboardAsync(new GetLeaderboardRequest
                {
                    Scope = LeaderboardScope.BranchMembers, ScopeId = branch, Period = LeaderboardPeriod.All,
                });
                scores.AddRange(board.Entries.Select(e => (e.MemberId, e.Score)));
            }

            return scores.Count == 2 ? scores : throw new InvalidOperationException($"{scores.Count} entries so far");
        }, TimeSpan.FromSeconds(20), "both branches' boards");

        Assert.Equal([(id, 1L), (id, 1L)], boards);
        Assert.Equal(2, (await member.Points.GetBalanceAsync(new GetBalanceRequest())).Balance);
        Assert.Equal([(day1, 1), (day2, 0)], a.Trend.Select(d => (d.Day, d.ActiveMembers)));
        Assert.Equal((0, 1), (a.Members, a.ActiveMembers));
        Assert.Equal((id, branchB), (a.TopMembers.Single().MemberId, a.TopMembers.Single().BranchId));
        Assert.Empty(a.LeastActiveMembers);
        Assert.Equal([(day1, 0), (day2, 1)], b.Trend.Select(d => (d.Day, d.ActiveMembers)));
        Assert.Equal((1, 1, 2L), (committee.Members, committee.ActiveMembers, committee.PointsEarned));
    }

    [Fact]
    public async Task EachRoleSeesOnlyItsOwnScopeAndBadPeriodsAreNamed()
    {
        var seed = await Seed.CreateAsync(Node);
        var (branchB, secretaryB) = await seed.SecondBranchAsync();
        var (_, member) = await seed.MemberAsync();
        var otherLeader = seed.As("leader-2", new RoleGrant(Role.CommitteeLeader, Seed.Next("com")));
        var leader = seed.As("leader", new RoleGrant(Role.CommitteeLeader, seed.Committee));
        var branchA = new GetBranchAnalyticsRequest { BranchId = seed.Branch };
        var committee = new GetCommitteeAnalyticsRequest { CommitteeId = seed.Committee };

        foreach (var denied in new[] { member, secretaryB })
        {
            await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied, () => denied.Analytics.GetBranchAnalyticsAsync(branchA));
        }

        foreach (var denied in new[] { member, seed.Secretary })
        {
            await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied, () => denied.Analytics.GetCommitteeAnalyticsAsync(committee));
        }

        // A leader of a committee that is not in this park has no role here: the branch and committee are unknown to them.
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.BranchNotFound, () => otherLeader.Analytics.GetBranchAnalyticsAsync(branchA));
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.CommitteeNotFound, () => otherLeader.Analytics.GetCommitteeAnalyticsAsync(committee));

        var future = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument, () =>
            seed.Secretary.Analytics.GetBranchAnalyticsAsync(new GetBranchAnalyticsRequest { BranchId = seed.Branch, ToDay = "2999-01-01" }));
        var malformed = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument, () =>
            seed.Secretary.Analytics.GetBranchAnalyticsAsync(new GetBranchAnalyticsRequest { BranchId = seed.Branch, FromDay = "23/11/2026", Top = 51 }));
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.BranchNotFound, () =>
            seed.Admin.Analytics.GetBranchAnalyticsAsync(new GetBranchAnalyticsRequest { BranchId = Seed.Next("br") }));

        Assert.Equal(["to_day"], RpcAssert.ViolatedFields(future));
        Assert.Equal(["top", "from_day"], RpcAssert.ViolatedFields(malformed));
        Assert.Equal(30, (await seed.Secretary.Analytics.GetBranchAnalyticsAsync(branchA)).Analytics.Days);
        Assert.Equal(Today, (await leader.Analytics.GetBranchAnalyticsAsync(branchA)).Analytics.ToDay);
        Assert.Equal(2, (await leader.Analytics.GetCommitteeAnalyticsAsync(committee)).Branches.Count);
        Assert.Equal(branchB, (await seed.Admin.Analytics.GetBranchAnalyticsAsync(new GetBranchAnalyticsRequest { BranchId = branchB })).Analytics.ScopeId);
    }

    [Fact]
    public async Task TheFiguresComeAsCsvForSpreadsheetsToThoseWhoMaySeeThem()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, member) = await seed.MemberAsync();
        await CheckInAsync(member);
        var today = Today;
        using var http = new HttpClient { BaseAddress = Node.HttpAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Node.Token("secretary", new RoleGrant(Role.Secretary, seed.Branch)));

        var days = await Eventually.SucceedsAsync(async () =>
        {
            var csv = await http.GetStringAsync($"/v1/analytics/branches/{seed.Branch}/days.csv?fromDay={today}&toDay={today}", TestContext.Current.CancellationToken);
            return csv.Contains($"{today},1,1,1", StringComparison.Ordinal) ? csv : throw new InvalidOperationException(csv);
        }, TimeSpan.FromSeconds(20), "the day's CSV");
        var members = await http.GetStringAsync($"/v1/analytics/branches/{seed.Branch}/members.csv?fromDay={today}&toDay={today}", TestContext.Current.CancellationToken);
        using var committee = await http.GetAsync($"/v1/analytics/committees/{seed.Committee}/branches.csv", TestContext.Current.CancellationToken);
        using var badDay = await http.GetAsync($"/v1/analytics/branches/{seed.Branch}/days.csv?fromDay=yesterday", TestContext.Current.CancellationToken);

        Assert.Equal(["day,active_members,points_earned,earning_entries", $"{today},1,1,1"], days.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["member_id,display_name,branch_id,current,new,active_days,points_earned,earning_entries", $"{id},王小明,{seed.Branch},true,true,1,1,1"],
            members.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(HttpStatusCode.Forbidden, committee.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDay.StatusCode);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Node.Token("leader", new RoleGrant(Role.CommitteeLeader, seed.Committee)));
        var branches = await http.GetStringAsync($"/v1/analytics/committees/{seed.Committee}/branches.csv?fromDay={today}&toDay={today}", TestContext.Current.CancellationToken);
        Assert.Equal(["branch_id,name,members,active_members,active_ratio,points_earned,points_per_member,average_daily_active", $"{seed.Branch},第一党支部,1,1,1,1,1,1"],
            branches.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Monday(string day)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        return ProtoMapping.Day(date.AddDays(-(((int)date.DayOfWeek + 6) % 7)));
    }

    private static async Task CheckInAsync(params Api[] members)
    {
        foreach (var member in members)
        {
            await member.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = Seed.Next("k") });
        }
    }

    private static async Task<(string Id, Api Api)> MemberOfAsync(Seed seed, string branch, Api secretary)
    {
        var id = Seed.Next("m");
        await secretary.Organization.RegisterMemberAsync(new RegisterMemberRequest { BranchId = branch, MemberId = id, DisplayName = "李四", Phone = "13900000000", IdempotencyKey = Seed.Next("k") });
        await secretary.Organization.VerifyMemberAsync(new VerifyMemberRequest { MemberId = id, IdempotencyKey = Seed.Next("k") });
        return (id, seed.As(id, new RoleGrant(Role.Member, id)));
    }
}
