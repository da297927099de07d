namespace Engagement.Tests;

/// <summary>Inactive members of a branch, found from the newest ledger entries only.</summary>
[Collection(ClusterCollection.Name)]
public sealed class InactiveMembersTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    private DateTimeOffset Now => fixture.Time.GetUtcNow();

    [Fact]
    public async Task AdjustmentsAreNotActivityAndNothingEarnedWithin90DaysLeavesTheLastActiveTimeEmpty()
    {
        var org = await new Org(_grains).CreateAsync();
        var (longGone, adjusted, recent) = (await org.MemberAsync(), await org.MemberAsync(), await org.MemberAsync());
        await longGone.CheckInAsync(EventSetup.CallerOf(longGone), "long-ago");
        fixture.Time.Advance(TimeSpan.FromDays(91));
        var checkedInAt = Now;
        await adjusted.CheckInAsync(EventSetup.CallerOf(adjusted), "then");
        for (var i = 0; i < 40; i++)
        {
            await adjusted.AdjustAsync(org.Admin, 1, "补录", $"adj-{i}");
        }

        fixture.Time.Advance(TimeSpan.FromDays(10));
        await recent.CheckInAsync(EventSetup.CallerOf(recent), "now");

        var list = await _grains.GetGrain<IBranchInsightsGrain>(org.Branch).ListInactiveMembersAsync(org.Secretary, 7);

        Assert.Equal([longGone.Id(), adjusted.Id()], list.Members.Select(m => m.MemberId));
        Assert.Equal((null, 90), (list.Members[0].LastActiveAt, list.Members[0].DaysInactive));
        Assert.Equal((checkedInAt, 10), (list.Members[1].LastActiveAt, list.Members[1].DaysInactive));
        Assert.Equal((3, 7), (list.RosterSize, list.InactiveDays));
        Assert.All(list.Members, m => Assert.Equal(("张三", true, true), (m.DisplayName, m.Verified, m.Active)));
    }

    [Fact]
    public async Task OnlyTheBranchSecretaryItsCommitteeLeadersAndItsParkAdminsMayList()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var otherBranch = await EventSetup.BranchAsync(_grains, org);
        var grain = _grains.GetGrain<IBranchInsightsGrain>(org.Branch);

        foreach (var caller in new[] { org.Secretary, EventSetup.Leader(org), org.Admin })
        {
            Assert.Equal(1, (await grain.ListInactiveMembersAsync(caller, 1)).RosterSize);
        }

        foreach (var caller in new[] { EventSetup.CallerOf(member), Org.As("sec-2", new RoleGrant(Role.Secretary, otherBranch)) })
        {
            Assert.Equal(ErrorKind.PermissionDenied, (await Assert.ThrowsAsync<EngagementException>(() => grain.ListInactiveMembersAsync(caller, 7))).Kind);
        }

        var bad = await Assert.ThrowsAsync<EngagementException>(() => grain.ListInactiveMembersAsync(org.Secretary, 91));
        Assert.Equal(["inactive_days"], bad.Violations.Select(v => v.Field));
    }
}
