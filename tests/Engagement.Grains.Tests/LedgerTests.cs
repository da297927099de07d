namespace Engagement.Tests;

[Collection(ClusterCollection.Name)]
public sealed class LedgerTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task TheLedgerPagesBackwardsThroughSealedPagesWithoutGapsAndSumsToTheBalance()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var caller = Org.MemberCaller(member.GetPrimaryKeyString());
        const int days = LedgerPaging.PageSize * 3 + 5;
        for (var day = 0; day < days; day++)
        {
            await member.CheckInAsync(caller, $"day-{day}");
            fixture.Time.Advance(TimeSpan.FromDays(1));
        }

        var seen = new List<LedgerEntry>();
        long? before = null;
        do
        {
            var slice = await member.ListLedgerAsync(caller, 7, before);
            seen.AddRange(slice.Entries);
            before = slice.NextBefore;
        }
        while (before is not null);

        var balance = await member.GetBalanceAsync(caller);
        var streakBonuses = days / PointsRules.Default.StreakEvery;
        Assert.Equal(days + streakBonuses, balance.LedgerEntries);
        Assert.Equal(Enumerable.Range(1, (int)balance.LedgerEntries).Reverse().Select(i => (long)i), seen.Select(e => e.Sequence));
        Assert.Equal(balance.Balance, seen.Sum(e => e.Amount));
        Assert.Equal(days + streakBonuses * PointsRules.Default.StreakBonus, balance.Balance);
        var running = 0L;
        Assert.All(Enumerable.Reverse(seen), e => Assert.Equal(running += e.Amount, e.BalanceAfter));
    }

    [Fact]
    public async Task AnotherMembersLedgerIsNotReadable()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var other = await org.MemberAsync();

        var error = await Assert.ThrowsAsync<EngagementException>(
            () => member.ListLedgerAsync(Org.MemberCaller(other.GetPrimaryKeyString()), 10, null));

        Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
    }

    [Fact]
    public async Task TheBranchSecretaryReadsAMembersLedgerButASecretaryOfAnotherBranchDoesNot()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var stranger = Org.As("sec2", new RoleGrant(Role.Secretary, await EventSetup.BranchAsync(_grains, org)));

        var slice = await member.ListLedgerAsync(org.Secretary, 10, null);
        var error = await Assert.ThrowsAsync<EngagementException>(() => member.ListLedgerAsync(stranger, 10, null));

        Assert.Empty(slice.Entries);
        Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
    }
}
