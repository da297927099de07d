using Engagement.V1;
using Grpc.Core;

namespace Engagement.EndToEnd;

[Collection(NodeCollection.Name)]
public sealed class AccessTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    [Fact]
    public async Task ACallWithoutATokenIsUnauthenticated()
    {
        var anonymous = Node.As(null);

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, ErrorReasons.Unauthenticated,
            () => anonymous.Points.GetBalanceAsync(new GetBalanceRequest { MemberId = "m1" }));
    }

    [Fact]
    public async Task ATokenSignedWithAnotherKeyIsUnauthenticated()
    {
        var forged = Api.Token(new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(new byte[32]), "x", new RoleGrant(Role.ParkAdmin, "p"));

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, ErrorReasons.Unauthenticated,
            () => Node.As(forged).Organization.CreateParkAsync(new CreateParkRequest { ParkId = "p", Name = "x", IdempotencyKey = "k" }));
    }

    [Fact]
    public async Task AMemberCannotReadAnotherMembersBalanceOrLedger()
    {
        var seed = await Seed.CreateAsync(Node);
        var (victim, _) = await seed.MemberAsync();
        var (_, snoop) = await seed.MemberAsync();

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => snoop.Points.GetBalanceAsync(new GetBalanceRequest { MemberId = victim }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => snoop.Points.ListLedgerAsync(new ListLedgerRequest { MemberId = victim }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => snoop.Points.CheckInAsync(new CheckInRequest { MemberId = victim, IdempotencyKey = "k" }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => snoop.Events.ListUpcomingEventsAsync(new ListUpcomingEventsRequest { MemberId = victim }));
    }

    [Fact]
    public async Task AMemberCannotUseAdminRpcs()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, member) = await seed.MemberAsync(verified: false);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => member.Organization.VerifyMemberAsync(new VerifyMemberRequest { MemberId = id, IdempotencyKey = "k" }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => member.Organization.CreateCommitteeAsync(new CreateCommitteeRequest { ParkId = seed.Park, CommitteeId = Seed.Next("c"), Name = "x", IdempotencyKey = "k" }));
        var profile = await seed.Secretary.Organization.GetMemberAsync(new GetMemberRequest { MemberId = id });
        Assert.False(profile.Member.Verified);
    }

    [Fact]
    public async Task AnAdminOfAnotherParkFindsNothingOfThisPark()
    {
        var seed = await Seed.CreateAsync(Node);
        var other = await Seed.CreateAsync(Node);
        var (id, _) = await seed.MemberAsync();

        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.CommitteeNotFound,
            () => other.Admin.Organization.CreateBranchAsync(new CreateBranchRequest { CommitteeId = seed.Committee, BranchId = Seed.Next("b"), Name = "x", IdempotencyKey = "k" }));
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.MemberNotFound,
            () => other.Admin.Points.ListLedgerAsync(new ListLedgerRequest { MemberId = id }));
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.ParkNotFound,
            () => other.Admin.Organization.GetParkAsync(new GetParkRequest { ParkId = seed.Park }));
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.BranchNotFound,
            () => other.Admin.Events.ListEventsAsync(new ListEventsRequest { BranchId = seed.Branch }));
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.ParkNotFound,
            () => other.Admin.Notices.ListSentNoticesAsync(new ListSentNoticesRequest { Audience = V1.NoticeAudience.Park, AudienceId = seed.Park }));
    }

    [Fact]
    public async Task AnUnverifiedMembersCheckInFailsWithAReasonAndAwardsNothing()
    {
        var seed = await Seed.CreateAsync(Node);
        var (_, member) = await seed.MemberAsync(verified: false);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, ErrorReasons.MemberNotVerified,
            () => member.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "k" }));

        Assert.Equal(0, (await member.Points.GetBalanceAsync(new GetBalanceRequest())).LedgerEntries);
    }

    [Fact]
    public async Task UnknownResourcesAreNotFound()
    {
        var seed = await Seed.CreateAsync(Node);

        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.BranchNotFound,
            () => seed.Admin.Organization.RegisterMemberAsync(new RegisterMemberRequest { BranchId = "no-such-branch", MemberId = Seed.Next("m"), DisplayName = "x", IdempotencyKey = "k" }));
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.MemberNotFound,
            () => seed.Admin.Organization.GetMemberAsync(new GetMemberRequest { MemberId = "no-such-member" }));
    }
}
