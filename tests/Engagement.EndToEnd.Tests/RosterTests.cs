using Engagement.V1;
using Grpc.Core;

namespace Engagement.EndToEnd;

/// <summary>The back office's roster (ListMembers) and the organisation's reads, per role, page by page.</summary>
[Collection(NodeCollection.Name)]
public sealed class RosterTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    [Fact]
    public async Task TheSecretaryPagesTheBranchRosterWithEveryMemberOnceAndTheirStanding()
    {
        var seed = await Seed.CreateAsync(Node);
        var roster = await Roster.FillAsync(seed.Branch, seed.Secretary, 7);
        var checkedIn = roster.Members[0].Id;
        await seed.As(checkedIn, new RoleGrant(Role.Member, checkedIn)).Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "k" });

        var pages = await ListAllAsync(seed.Secretary, new ListMembersRequest { BranchId = seed.Branch, PageSize = 3 });
        var listed = pages.SelectMany(p => p.Members).ToList();

        Assert.Equal([3, 3, 1], pages.Select(p => p.Members.Count));
        Assert.Equal("", pages[^1].NextPageToken);
        Assert.Equal(roster.Members.Select(m => m.Id).Order(StringComparer.Ordinal), listed.Select(m => m.MemberId));
        Assert.All(listed, m => Assert.Equal(roster.Expected[m.MemberId], m.Status));
        Assert.All(listed, m => Assert.Equal(seed.Branch, m.BranchId));
        Assert.Equal(1, listed.Single(m => m.MemberId == checkedIn).PointsBalance);
        Assert.Equal("2021-07-01", listed[0].JoinDate);
        Assert.True(listed.Single(m => m.MemberId == checkedIn).Verified);
    }

    [Fact]
    public async Task FiltersHoldOnEveryPageAndATokenIsOnlyGoodForItsFilters()
    {
        var seed = await Seed.CreateAsync(Node);
        var roster = await Roster.FillAsync(seed.Branch, seed.Secretary, 9);

        var unverified = await ListAllAsync(seed.Secretary, new ListMembersRequest { BranchId = seed.Branch, Status = MemberStatus.Unverified, PageSize = 1 });
        var named = await ListAllAsync(seed.Secretary, new ListMembersRequest { BranchId = seed.Branch, NamePrefix = "李", PageSize = 2 });
        var first = await seed.Secretary.Organization.ListMembersAsync(new ListMembersRequest { BranchId = seed.Branch, Status = MemberStatus.Active, PageSize = 1 });
        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => seed.Secretary.Organization.ListMembersAsync(new ListMembersRequest { BranchId = seed.Branch, Status = MemberStatus.Deactivated, PageSize = 1, PageToken = first.NextPageToken }));

        Assert.Equal(roster.Expected.Where(e => e.Value == MemberStatus.Unverified).Select(e => e.Key).Order(StringComparer.Ordinal),
            unverified.SelectMany(p => p.Members).Select(m => m.MemberId));
        Assert.Equal(roster.Members.Where(m => m.Name.StartsWith('李')).Select(m => m.Id).Order(StringComparer.Ordinal),
            named.SelectMany(p => p.Members).Select(m => m.MemberId));
        Assert.All(named.SelectMany(p => p.Members), m => Assert.StartsWith("李", m.DisplayName, StringComparison.Ordinal));
        Assert.Equal(["page_token"], RpcAssert.ViolatedFields(error));
    }

    [Fact]
    public async Task ACommitteeLeaderAndAParkAdminPageAcrossBranchesAndCommittees()
    {
        var seed = await Seed.CreateAsync(Node);
        var (branch2, secretary2) = await seed.SecondBranchAsync();
        var otherCommittee = Seed.Next("com");
        var otherBranch = Seed.Next("br");
        await seed.Admin.Organization.CreateCommitteeAsync(new CreateCommitteeRequest { ParkId = seed.Park, CommitteeId = otherCommittee, Name = "综合党委", IdempotencyKey = "k" });
        await seed.Admin.Organization.CreateBranchAsync(new CreateBranchRequest { CommitteeId = otherCommittee, BranchId = otherBranch, Name = "第三党支部", IdempotencyKey = "k" });
        var first = await Roster.FillAsync(seed.Branch, seed.Secretary, 4);
        var second = await Roster.FillAsync(branch2, secretary2, 3);
        var third = await Roster.FillAsync(otherBranch, seed.Admin, 2);
        var leader = seed.As("leader", new RoleGrant(Role.CommitteeLeader, seed.Committee));

        var committee = (await ListAllAsync(leader, new ListMembersRequest { CommitteeId = seed.Committee, PageSize = 2 })).SelectMany(p => p.Members).ToList();
        var park = (await ListAllAsync(seed.Admin, new ListMembersRequest { ParkId = seed.Park, PageSize = 4 })).SelectMany(p => p.Members).ToList();
        var unverifiedInPark = (await ListAllAsync(seed.Admin, new ListMembersRequest { ParkId = seed.Park, Status = MemberStatus.Unverified, PageSize = 1 }))
            .SelectMany(p => p.Members).ToList();

        Assert.Equal(first.Members.Concat(second.Members).Select(m => m.Id).Order(StringComparer.Ordinal), committee.Select(m => m.MemberId).Order(StringComparer.Ordinal));
        Assert.Equal(committee.Count, committee.Select(m => m.MemberId).Distinct().Count());
        Assert.Equal(first.Members.Concat(second.Members).Concat(third.Members).Select(m => m.Id).Order(StringComparer.Ordinal),
            park.Select(m => m.MemberId).Order(StringComparer.Ordinal));
        Assert.Equal(park.Count, park.Select(m => m.MemberId).Distinct().Count());
        Assert.Equal(first.Expected.Concat(second.Expected).Concat(third.Expected).Count(e => e.Value == MemberStatus.Unverified), unverifiedInPark.Count);
        Assert.All(unverifiedInPark, m => Assert.Equal(MemberStatus.Unverified, m.Status));
    }

    [Fact]
    public async Task NobodyListsARosterThatIsNotTheirs()
    {
        var seed = await Seed.CreateAsync(Node);
        var other = await Seed.CreateAsync(Node);
        var (_, secretary2) = await seed.SecondBranchAsync();
        var (_, member) = await seed.MemberAsync();
        var otherLeader = seed.As("leader", new RoleGrant(Role.CommitteeLeader, other.Committee));

        foreach (var (caller, request) in new (Api, ListMembersRequest)[]
        {
            (secretary2, new() { BranchId = seed.Branch }),
            (seed.Secretary, new() { CommitteeId = seed.Committee }),
            (seed.Secretary, new() { ParkId = seed.Park }),
            (member, new() { BranchId = seed.Branch }),
        })
        {
            await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied, () => caller.Organization.ListMembersAsync(request));
        }

        // Officers of another park: this park's rosters are unknown to them.
        foreach (var (caller, request, reason) in new (Api, ListMembersRequest, string)[]
        {
            (otherLeader, new() { CommitteeId = seed.Committee }, ErrorReasons.CommitteeNotFound),
            (otherLeader, new() { BranchId = seed.Branch }, ErrorReasons.BranchNotFound),
            (other.Admin, new() { ParkId = seed.Park }, ErrorReasons.ParkNotFound),
            (other.Admin, new() { CommitteeId = seed.Committee }, ErrorReasons.CommitteeNotFound),
            (other.Admin, new() { BranchId = seed.Branch }, ErrorReasons.BranchNotFound),
        })
        {
            await RpcAssert.FailsAsync(StatusCode.NotFound, reason, () => caller.Organization.ListMembersAsync(request));
        }

        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.BranchNotFound,
            () => seed.Admin.Organization.ListMembersAsync(new ListMembersRequest { BranchId = "no-such-branch" }));
    }

    [Fact]
    public async Task ADamagedOrForeignPageTokenIsInvalidArgumentOnPageToken()
    {
        var seed = await Seed.CreateAsync(Node);
        var (branch2, secretary2) = await seed.SecondBranchAsync();
        await Roster.FillAsync(seed.Branch, seed.Secretary, 3);
        await Roster.FillAsync(branch2, secretary2, 3);
        var token = (await seed.Admin.Organization.ListMembersAsync(new ListMembersRequest { BranchId = seed.Branch, PageSize = 1 })).NextPageToken;
        var branchesToken = (await seed.Admin.Organization.ListBranchesAsync(new ListBranchesRequest { CommitteeId = seed.Committee, PageSize = 1 })).NextPageToken;
        var damaged = token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..];

        foreach (var (caller, request) in new (Api, ListMembersRequest)[]
        {
            (seed.Admin, new() { BranchId = seed.Branch, PageToken = damaged }),
            (seed.Admin, new() { BranchId = seed.Branch, PageToken = "bm90IGEgdG9rZW4" }),
            (seed.Admin, new() { BranchId = seed.Branch, PageToken = branchesToken }),
            (seed.Admin, new() { BranchId = branch2, PageToken = token }),
            (seed.Admin, new() { CommitteeId = seed.Committee, PageToken = token }),
            (seed.Admin, new() { BranchId = seed.Branch, NamePrefix = "王", PageToken = token }),
        })
        {
            var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument, () => caller.Organization.ListMembersAsync(request));
            Assert.Equal(["page_token"], RpcAssert.ViolatedFields(error));
        }

        var oversized = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => seed.Admin.Organization.ListMembersAsync(new ListMembersRequest { BranchId = seed.Branch, CommitteeId = seed.Committee, PageSize = 201 }));
        Assert.Equal(["committee_id", "page_size"], RpcAssert.ViolatedFields(oversized));
    }

    [Fact]
    public async Task BranchesAndCommitteesAreReadByTheirOfficersAndNamedToTheirMembers()
    {
        var seed = await Seed.CreateAsync(Node);
        var other = await Seed.CreateAsync(Node);
        var (branch2, _) = await seed.SecondBranchAsync();
        var (_, member) = await seed.MemberAsync();
        var (_, stranger) = await other.MemberAsync();
        var leader = seed.As("leader", new RoleGrant(Role.CommitteeLeader, seed.Committee));

        var own = await member.Organization.GetBranchAsync(new GetBranchRequest { BranchId = seed.Branch });
        var ownCommittee = await member.Organization.GetCommitteeAsync(new GetCommitteeRequest { CommitteeId = seed.Committee });
        var bySecretary = await seed.Secretary.Organization.GetCommitteeAsync(new GetCommitteeRequest { CommitteeId = seed.Committee });
        var leaderPages = await ListAllBranchesAsync(leader, new ListBranchesRequest { CommitteeId = seed.Committee, PageSize = 1 });
        var parkBranches = await seed.Admin.Organization.ListBranchesAsync(new ListBranchesRequest { ParkId = seed.Park });
        var committees = await seed.Admin.Organization.ListCommitteesAsync(new ListCommitteesRequest { ParkId = seed.Park });

        Assert.Equal("第一党支部", own.Branch.Name);
        Assert.Equal("集成电路产业集群党委", ownCommittee.Committee.Name);
        Assert.Equal(seed.Park, bySecretary.Committee.ParkId);
        Assert.Equal(new[] { seed.Branch, branch2 }.Order(StringComparer.Ordinal), leaderPages.SelectMany(p => p.Branches).Select(b => b.BranchId));
        Assert.Equal(2, leaderPages.Count);
        Assert.Equal(2, parkBranches.Branches.Count);
        Assert.Equal("", parkBranches.NextPageToken);
        Assert.Equal(seed.Committee, Assert.Single(committees.Committees).CommitteeId);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => member.Organization.GetBranchAsync(new GetBranchRequest { BranchId = branch2 }));
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.CommitteeNotFound,
            () => stranger.Organization.GetCommitteeAsync(new GetCommitteeRequest { CommitteeId = seed.Committee }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => seed.Secretary.Organization.ListBranchesAsync(new ListBranchesRequest { CommitteeId = seed.Committee }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => leader.Organization.ListBranchesAsync(new ListBranchesRequest { ParkId = seed.Park }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => leader.Organization.ListCommitteesAsync(new ListCommitteesRequest { ParkId = seed.Park }));
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.BranchNotFound,
            () => other.Admin.Organization.GetBranchAsync(new GetBranchRequest { BranchId = seed.Branch }));
    }

    [Fact]
    public async Task TheParkAdminPagesTheMerchantsAndMembersBrowseTheirOwnParkWithoutNamingIt()
    {
        var seed = await Seed.CreateAsync(Node);
        var other = await Seed.CreateAsync(Node);
        var merchants = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = Seed.Next("shop");
            merchants.Add(id);
            await seed.Admin.Merchants.CreateMerchantAsync(new CreateMerchantRequest { ParkId = seed.Park, MerchantId = id, Name = $"店{i}", IdempotencyKey = "k" });
        }

        await seed.Admin.Merchants.AddMerchantStaffAsync(new AddMerchantStaffRequest { MerchantId = merchants[0], Subject = "clerk", DisplayName = "店员", IdempotencyKey = "k" });
        var (_, member) = await seed.MemberAsync();

        var page1 = await seed.Admin.Merchants.ListMerchantsAsync(new ListMerchantsRequest { ParkId = seed.Park, PageSize = 2 });
        var page2 = await seed.Admin.Merchants.ListMerchantsAsync(new ListMerchantsRequest { ParkId = seed.Park, PageSize = 2, PageToken = page1.NextPageToken });
        var browsed = await member.Merchants.BrowseMerchantsAsync(new BrowseMerchantsRequest());
        var settlement = await seed.Admin.Merchants.GetSettlementAsync(new GetSettlementRequest { MerchantId = merchants[0] });

        Assert.Equal(merchants.Order(StringComparer.Ordinal), page1.Merchants.Concat(page2.Merchants).Select(m => m.MerchantId));
        Assert.Equal("", page2.NextPageToken);
        Assert.Equal("clerk", Assert.Single(page1.Merchants.Concat(page2.Merchants).Single(m => m.MerchantId == merchants[0]).Staff).Subject);
        Assert.Equal(merchants.Order(StringComparer.Ordinal), browsed.Merchants.Select(m => m.MerchantId).Order(StringComparer.Ordinal));
        // The test clock stands at 2026-11-23 01:00 UTC: 09:00 in Shanghai.
        Assert.Equal(ParkClock.DayOf(Node.Time.GetUtcNow(), "Asia/Shanghai").ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), settlement.Settlement.Day);
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.ParkNotFound,
            () => other.Admin.Merchants.ListMerchantsAsync(new ListMerchantsRequest { ParkId = seed.Park }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => seed.Secretary.Merchants.ListMerchantsAsync(new ListMerchantsRequest { ParkId = seed.Park }));
    }

    private static async Task<List<ListMembersResponse>> ListAllAsync(Api caller, ListMembersRequest request)
    {
        var pages = new List<ListMembersResponse>();
        do
        {
            var page = await caller.Organization.ListMembersAsync(request);
            pages.Add(page);
            request.PageToken = page.NextPageToken;
            Assert.True(pages.Count < 100, "the list does not end");
        }
        while (request.PageToken.Length > 0);

        return pages;
    }

    private static async Task<List<ListBranchesResponse>> ListAllBranchesAsync(Api caller, ListBranchesRequest request)
    {
        var pages = new List<ListBranchesResponse>();
        do
        {
            var page = await caller.Organization.ListBranchesAsync(request);
            pages.Add(page);
            request.PageToken = page.NextPageToken;
            Assert.True(pages.Count < 100, "the list does not end");
        }
        while (request.PageToken.Length > 0);

        return pages;
    }
}

/// <summary>Members registered into a branch with mixed names and standings (every third unverified, every fourth deactivated).</summary>
public sealed record Roster(List<(string Id, string Name)> Members, Dictionary<string, MemberStatus> Expected)
{
    private static readonly string[] Names = ["王小明", "李华", "张伟", "李娜", "刘洋", "陈静"];

    public static async Task<Roster> FillAsync(string branchId, Api registrar, int count)
    {
        var roster = new Roster([], []);
        for (var i = 0; i < count; i++)
        {
            var id = Seed.Next("m");
            var name = Names[i % Names.Length];
            await registrar.Organization.RegisterMemberAsync(new RegisterMemberRequest
            {
                BranchId = branchId, MemberId = id, DisplayName = name, JoinDate = "2021-07-01", IdempotencyKey = Seed.Next("k"),
            });
            var verified = i % 3 != 1;
            if (verified)
            {
                await registrar.Organization.VerifyMemberAsync(new VerifyMemberRequest { MemberId = id, IdempotencyKey = Seed.Next("k") });
            }

            var deactivated = i % 4 == 3;
            if (deactivated)
            {
                await registrar.BackOffice.DeactivateMemberAsync(new DeactivateMemberRequest { MemberId = id, IdempotencyKey = Seed.Next("k") });
            }

            roster.Members.Add((id, name));
            roster.Expected[id] = deactivated ? MemberStatus.Deactivated : verified ? MemberStatus.Active : MemberStatus.Unverified;
        }

        return roster;
    }
}
