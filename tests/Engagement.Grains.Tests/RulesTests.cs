namespace Engagement.Tests;

[Collection(ClusterCollection.Name)]
public sealed class RulesTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task ARuleChangeAppliesFromItsEffectiveTimeAndNeverRewritesEarnedPoints()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var me = Org.MemberCaller(member.GetPrimaryKeyString());
        var tomorrow = fixture.Time.GetUtcNow().AddDays(1);
        await _grains.GetGrain<IParkGrain>(org.Park).SetRulesAsync(org.Admin, PointsRules.Default with { CheckInPoints = 3 }, tomorrow, "r1");

        var today = await member.CheckInAsync(me, "today");
        fixture.Time.Advance(TimeSpan.FromDays(1));
        var later = await member.CheckInAsync(me, "tomorrow");
        var ledger = await member.ListLedgerAsync(me, 10, null);

        Assert.Equal(1, today.PointsAwarded);
        Assert.Equal(3, later.PointsAwarded);
        Assert.Equal([3L, 1L], ledger.Entries.Select(e => e.Amount));
    }

    [Fact]
    public async Task ACommitteeOverrideWinsOverTheParkUntilItIsWithdrawn()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var committee = _grains.GetGrain<ICommitteeGrain>(org.Committee);
        await _grains.GetGrain<IParkGrain>(org.Park).SetRulesAsync(org.Admin, PointsRules.Default with { QuizDailyCap = 10 }, null, "park");
        await committee.SetRulesAsync(org.Admin, PointsRules.Default with { QuizDailyCap = 2 }, null, "override");

        var capped = await member.AwardAsync(new Award(Activity.Quiz, 6, "q1", "q1"));
        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        var withdrawn = await committee.SetRulesAsync(org.Admin, null, null, "withdraw");
        var afterWithdrawal = await member.AwardAsync(new Award(Activity.Quiz, 6, "q2", "q2"));

        Assert.Equal(2, capped.PointsAwarded);
        Assert.True(withdrawn.Inherited);
        Assert.Equal(10, withdrawn.InForce.QuizDailyCap);
        Assert.Equal(6, afterWithdrawal.PointsAwarded);
    }

    [Fact]
    public async Task ARuleChangeInThePastIsRefusedAndChangesNothing()
    {
        var org = await new Org(_grains).CreateAsync();
        var park = _grains.GetGrain<IParkGrain>(org.Park);

        var error = await Assert.ThrowsAsync<EngagementException>(() =>
            park.SetRulesAsync(org.Admin, PointsRules.Default with { CheckInPoints = 9 }, fixture.Time.GetUtcNow().AddDays(-1), "past"));

        Assert.Equal(ErrorReasons.EffectiveTimeInPast, error.Reason);
        Assert.Empty((await park.GetRuleScheduleAsync(org.Admin)).Versions);
    }

    [Fact]
    public async Task OnlyTheParkAdminChangesRulesAndEveryChangeIsAudited()
    {
        var org = await new Org(_grains).CreateAsync();
        var park = _grains.GetGrain<IParkGrain>(org.Park);

        var denied = await Assert.ThrowsAsync<EngagementException>(() => park.SetRulesAsync(org.Secretary, PointsRules.Default, null, "x"));
        await park.SetRulesAsync(org.Admin, PointsRules.Default with { StreakBonus = 7 }, null, "y");
        await park.SetRulesAsync(org.Admin, PointsRules.Default with { StreakBonus = 7 }, null, "y");
        var audit = (await park.ListAuditAsync(org.Admin, null, null)).Records;

        Assert.Equal(ErrorKind.PermissionDenied, denied.Kind);
        var record = Assert.Single(audit, r => r.Action == "set-park-rules");
        Assert.Equal("admin", record.Actor);
    }
}
