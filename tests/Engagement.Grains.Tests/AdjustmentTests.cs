namespace Engagement.Tests;

[Collection(ClusterCollection.Name)]
public sealed class AdjustmentTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task ASecretaryAdjustsPointsWithAReasonOnceAndItIsAudited()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();

        var result = await member.AdjustAsync(org.Secretary, 10, "志愿服务补录", "adj-1");
        var retry = await member.AdjustAsync(org.Secretary, 10, "志愿服务补录", "adj-1");
        var audit = (await _grains.GetGrain<IParkGrain>(org.Park).ListAuditAsync(org.Secretary, null, org.Branch)).Records;

        Assert.Equal(result, retry);
        Assert.Equal(LedgerEntryKind.Adjustment, result.Entry!.Kind);
        Assert.Contains("志愿服务补录", result.Entry.Reference, StringComparison.Ordinal);
        Assert.Equal(10, (await member.GetBalanceAsync(org.Admin)).Balance);
        var record = Assert.Single(audit, r => r.Action == "adjust-points");
        Assert.Equal(member.GetPrimaryKeyString(), record.Target);
        Assert.Equal("sec", record.Actor);
    }

    [Fact]
    public async Task AnAdjustmentCannotMakeTheBalanceNegative()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        await member.AdjustAsync(org.Admin, 3, "bonus", "a");

        var error = await Assert.ThrowsAsync<EngagementException>(() => member.AdjustAsync(org.Admin, -4, "too much", "b"));

        Assert.Equal(ErrorReasons.InsufficientPoints, error.Reason);
        Assert.Equal(3, (await member.GetBalanceAsync(org.Admin)).Balance);
    }

    [Fact]
    public async Task ASecretaryOfAnotherParkFindsNeitherTheMemberNorTheAuditTrail()
    {
        var org = await new Org(_grains).CreateAsync();
        var other = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();

        var adjust = await Assert.ThrowsAsync<EngagementException>(() => member.AdjustAsync(other.Secretary, 5, "x", "k"));
        var audit = await Assert.ThrowsAsync<EngagementException>(() => _grains.GetGrain<IParkGrain>(org.Park).ListAuditAsync(other.Secretary, null, null));

        Assert.Equal((ErrorKind.NotFound, ErrorReasons.MemberNotFound), (adjust.Kind, adjust.Reason));
        Assert.Equal((ErrorKind.NotFound, ErrorReasons.ParkNotFound), (audit.Kind, audit.Reason));
    }
}
