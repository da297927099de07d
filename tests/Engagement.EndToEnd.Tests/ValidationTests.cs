using Engagement.V1;
using Grpc.Core;

namespace Engagement.EndToEnd;

[Collection(NodeCollection.Name)]
public sealed class ValidationTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    [Fact]
    public async Task MalformedFieldsAreAllNamedAndNothingIsCreated()
    {
        var park = Seed.Next("park");
        var admin = Node.As(Node.Token("a", new RoleGrant(Role.ParkAdmin, park)));

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => admin.Organization.CreateParkAsync(new CreateParkRequest { ParkId = park, Name = " ", TimeZone = "Mars/Olympus", IdempotencyKey = "" }));

        Assert.Equal(["name", "time_zone", "idempotency_key"], RpcAssert.ViolatedFields(error));
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.ParkNotFound,
            () => admin.Organization.GetParkAsync(new GetParkRequest { ParkId = park }));
    }

    [Fact]
    public async Task IdsOutsideTheAllowedAlphabetAreRejected()
    {
        var seed = await Seed.CreateAsync(Node);

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => seed.Secretary.Organization.RegisterMemberAsync(new RegisterMemberRequest
            {
                BranchId = seed.Branch, MemberId = "Bad/Id", DisplayName = "王", Phone = "12ab", IdempotencyKey = "k",
            }));

        Assert.Equal(["member_id", "phone"], RpcAssert.ViolatedFields(error));
    }

    [Fact]
    public async Task AForgedPageTokenAndAnOversizedPageAreRejected()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, member) = await seed.MemberAsync();

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => member.Points.ListLedgerAsync(new ListLedgerRequest { MemberId = id, PageSize = 1000, PageToken = "not-a-token" }));

        Assert.Equal(["page_size", "page_token"], RpcAssert.ViolatedFields(error));
    }

    [Fact]
    public async Task ARosterListNamesExactlyOneScopeAKnownStatusAndAShortPrefix()
    {
        var seed = await Seed.CreateAsync(Node);

        var none = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => seed.Admin.Organization.ListMembersAsync(new ListMembersRequest()));
        var bad = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => seed.Admin.Organization.ListMembersAsync(new ListMembersRequest
            {
                BranchId = seed.Branch, ParkId = seed.Park, Status = (MemberStatus)99, NamePrefix = new string('王', 65), PageSize = -1,
            }));

        Assert.Equal(["branch_id"], RpcAssert.ViolatedFields(none));
        Assert.Equal(["park_id", "status", "name_prefix", "page_size"], RpcAssert.ViolatedFields(bad));
    }

    [Fact]
    public async Task ACheckInWithoutAnIdempotencyKeyIsRejectedAndAwardsNothing()
    {
        var seed = await Seed.CreateAsync(Node);
        var (_, member) = await seed.MemberAsync();

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => member.Points.CheckInAsync(new CheckInRequest()));

        Assert.Equal(["idempotency_key"], RpcAssert.ViolatedFields(error));
        Assert.Equal(0, (await member.Points.GetBalanceAsync(new GetBalanceRequest())).Balance);
    }

    [Fact]
    public async Task ReusingAParkIdWithAnotherKeyIsAlreadyExists()
    {
        var seed = await Seed.CreateAsync(Node);

        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, ErrorReasons.ParkExists,
            () => seed.Admin.Organization.CreateParkAsync(new CreateParkRequest { ParkId = seed.Park, Name = "x", IdempotencyKey = "another" }));
    }
}
