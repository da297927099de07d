using Engagement.V1;
using Grpc.Core;

namespace Engagement.EndToEnd;

[Collection(NodeCollection.Name)]
public sealed class OfficerTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    [Fact]
    public async Task AnAppointedSecretaryManagesTheBranchWithAPlainSignInTokenUntilTheOfficeIsRevoked()
    {
        var seed = await Seed.CreateAsync(Node);
        var subject = Seed.Next("bob");
        var bob = seed.As(subject);
        var register = () => bob.Organization.RegisterMemberAsync(new RegisterMemberRequest
        {
            BranchId = seed.Branch, MemberId = Seed.Next("m"), DisplayName = "赵六", IdempotencyKey = Seed.Next("k"),
        }).ResponseAsync;
        // Signed in but holding no role: the park and its branches are unknown to bob.
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.BranchNotFound, register);

        var appoint = new AppointOfficerRequest
        {
            ParkId = seed.Park, Subject = subject, DisplayName = "鲍书记", Role = OfficerRole.Secretary, ScopeId = seed.Branch, IdempotencyKey = Seed.Next("k"),
        };
        var appointed = await seed.Admin.Organization.AppointOfficerAsync(appoint);
        var retried = await seed.Admin.Organization.AppointOfficerAsync(appoint);
        var registered = await register();
        var listed = await bob.Organization.ListOfficersAsync(new ListOfficersRequest { ParkId = seed.Park, ScopeId = seed.Branch });
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied, () =>
            bob.Organization.ListOfficersAsync(new ListOfficersRequest { ParkId = seed.Park }).ResponseAsync);
        var revoke = new RevokeOfficerRequest { ParkId = seed.Park, Subject = subject, Role = OfficerRole.Secretary, ScopeId = seed.Branch, IdempotencyKey = Seed.Next("k") };
        await seed.Admin.Organization.RevokeOfficerAsync(revoke);
        await seed.Admin.Organization.RevokeOfficerAsync(revoke);
        // Without the office bob holds no role in the park again: its branches are unknown to him.
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.BranchNotFound, register);
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.OfficerNotFound, () =>
            seed.Admin.Organization.RevokeOfficerAsync(new RevokeOfficerRequest(revoke) { IdempotencyKey = Seed.Next("k") }).ResponseAsync);
        var audit = await seed.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park });

        Assert.Equal(appointed, retried);
        Assert.Equal((subject, OfficerRole.Secretary, seed.Branch, "admin"), (appointed.Officer.Subject, appointed.Officer.Role, appointed.Officer.ScopeId, appointed.Officer.AppointedBy));
        Assert.Equal(seed.Branch, registered.Member.BranchId);
        Assert.Equal([subject], listed.Officers.Select(o => o.Subject));
        var actions = audit.Records.Select(r => (r.Action, r.Actor, r.Target)).ToList();
        Assert.Contains(("appoint-officer", "admin", subject), actions);
        Assert.Contains(("revoke-officer", "admin", subject), actions);
        Assert.Contains(("register-member", subject, registered.Member.MemberId), actions);
    }

    [Fact]
    public async Task OnlyParkAdminsAppointOfficesOfTheirOwnParkAndNobodyRevokesTheirOwn()
    {
        var seed = await Seed.CreateAsync(Node);
        var other = await Seed.CreateAsync(Node);
        var carol = Seed.Next("carol");
        var request = (OfficerRole role, string scope) => new AppointOfficerRequest
        {
            ParkId = seed.Park, Subject = Seed.Next("p"), DisplayName = "某人", Role = role, ScopeId = scope, IdempotencyKey = Seed.Next("k"),
        };

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied, () =>
            seed.Secretary.Organization.AppointOfficerAsync(request(OfficerRole.Secretary, seed.Branch)).ResponseAsync);
        // A branch of another park is unknown to this park's admin, as a branch that does not exist.
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.BranchNotFound, () =>
            seed.Admin.Organization.AppointOfficerAsync(request(OfficerRole.Secretary, other.Branch)).ResponseAsync);
        var unspecified = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument, () =>
            seed.Admin.Organization.AppointOfficerAsync(request(OfficerRole.Unspecified, seed.Branch)).ResponseAsync);
        await seed.Admin.Organization.AppointOfficerAsync(new AppointOfficerRequest
        {
            ParkId = seed.Park, Subject = carol, DisplayName = "卡罗", Role = OfficerRole.ParkAdmin, IdempotencyKey = Seed.Next("k"),
        });
        var leader = await seed.As(carol).Organization.AppointOfficerAsync(request(OfficerRole.CommitteeLeader, seed.Committee));
        var self = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, ErrorReasons.OfficerSelfRevoke, () =>
            seed.As(carol).Organization.RevokeOfficerAsync(new RevokeOfficerRequest
            {
                ParkId = seed.Park, Subject = carol, Role = OfficerRole.ParkAdmin, IdempotencyKey = Seed.Next("k"),
            }).ResponseAsync);
        var officers = await seed.Admin.Organization.ListOfficersAsync(new ListOfficersRequest { ParkId = seed.Park });

        Assert.Equal(["role"], RpcAssert.ViolatedFields(unspecified));
        Assert.Equal(carol, leader.Officer.AppointedBy);
        Assert.NotNull(self);
        Assert.Equal([(seed.Committee, OfficerRole.CommitteeLeader), (seed.Park, OfficerRole.ParkAdmin)],
            officers.Officers.Select(o => (o.ScopeId, o.Role)).Order());
    }
}
