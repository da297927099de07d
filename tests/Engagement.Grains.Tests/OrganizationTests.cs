namespace Engagement.Tests;

[Collection(ClusterCollection.Name)]
public sealed class OrganizationTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task CreatingAParkAgainWithTheSameKeyReturnsTheFirstResultAndAnotherKeyConflicts()
    {
        var park = Org.Next("park");
        var admin = Org.As("a", new RoleGrant(Role.ParkAdmin, park));
        var grain = _grains.GetGrain<IParkGrain>(park);

        var first = await grain.CreateAsync(admin, "园区", "Asia/Shanghai", "k1");
        var retry = await grain.CreateAsync(admin, "园区", "Asia/Shanghai", "k1");
        var changed = await Assert.ThrowsAsync<EngagementException>(() => grain.CreateAsync(admin, "another name", "UTC", "k1"));
        var error = await Assert.ThrowsAsync<EngagementException>(() => grain.CreateAsync(admin, "园区", "Asia/Shanghai", "k2"));

        Assert.Equal(first, retry);
        Assert.Equal(ErrorReasons.ParkExists, changed.Reason);
        Assert.Equal(ErrorKind.AlreadyExists, error.Kind);
        Assert.Equal(ErrorReasons.ParkExists, error.Reason);
    }

    [Fact]
    public async Task OnlyTheParksAdminCreatesItsCommittees()
    {
        var org = await new Org(_grains).CreateAsync();
        var otherAdmin = Org.As("b", new RoleGrant(Role.ParkAdmin, "another-park"));

        var error = await Assert.ThrowsAsync<EngagementException>(
            () => _grains.GetGrain<ICommitteeGrain>(Org.Next("c")).CreateAsync(otherAdmin, org.Park, "x", "k"));
        var bySecretary = await Assert.ThrowsAsync<EngagementException>(
            () => _grains.GetGrain<ICommitteeGrain>(Org.Next("c")).CreateAsync(org.Secretary, org.Park, "x", "k"));

        // Another park's admin has no role here: the park is unknown to them. The park's own secretary is refused.
        Assert.Equal((ErrorKind.NotFound, ErrorReasons.ParkNotFound), (error.Kind, error.Reason));
        Assert.Equal(ErrorKind.PermissionDenied, bySecretary.Kind);
    }

    [Fact]
    public async Task ABranchUnderAnUnknownCommitteeIsNotFound()
    {
        var org = await new Org(_grains).CreateAsync();

        var error = await Assert.ThrowsAsync<EngagementException>(
            () => _grains.GetGrain<IBranchGrain>(Org.Next("b")).CreateAsync(org.Admin, "no-such-committee", "x", "k"));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Equal(ErrorReasons.CommitteeNotFound, error.Reason);
    }

    [Fact]
    public async Task ASecretaryRegistersAndVerifiesMembersOfTheirBranchOnly()
    {
        var org = await new Org(_grains).CreateAsync();
        var other = await new Org(_grains).CreateAsync();
        var member = _grains.GetGrain<IMemberGrain>(Org.Next("m"));

        var registered = await member.RegisterAsync(org.Secretary, new MemberRegistration(org.Branch, "李四", "+8613800000000"), "k");
        var denied = await Assert.ThrowsAsync<EngagementException>(() => member.VerifyAsync(other.Secretary, "k2"));
        var verified = await member.VerifyAsync(org.Secretary, "k3");

        Assert.Equal(org.Park, registered.ParkId);
        Assert.Equal(org.Committee, registered.CommitteeId);
        Assert.Equal(ParkClock.DefaultTimeZone, registered.TimeZone);
        Assert.False(registered.Verified);
        Assert.Equal((ErrorKind.NotFound, ErrorReasons.MemberNotFound), (denied.Kind, denied.Reason));
        Assert.True(verified.Verified);
    }
}
