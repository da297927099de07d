namespace Engagement.Tests;

/// <summary>The profile's in-memory ledger window: incremental reads, and never the whole ledger.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LedgerWindowTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    private DateTimeOffset Now => fixture.Time.GetUtcNow();

    [Fact]
    public async Task TheNextReadFetchesOnlyTheEntriesWrittenSinceTheLastOne()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        for (var i = 1; i <= 40; i++)
        {
            await member.AdjustAsync(org.Admin, i, "补录", $"a{i}");
        }

        var (proxy, reads) = CountingMember.Wrap(member);
        var window = new LedgerWindow();
        var first = await window.ReadAsync(proxy, Now.AddDays(-1), Now.AddDays(-400), default);
        var readFirst = reads.Sum();
        for (var i = 41; i <= 43; i++)
        {
            await member.AdjustAsync(org.Admin, i, "补录", $"a{i}");
        }

        var second = await window.ReadAsync(proxy, Now.AddDays(-1), Now.AddDays(-400), default);

        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), first.Select(e => e.Amount));
        Assert.Equal(40, readFirst);
        Assert.Equal(3, reads.Sum() - readFirst);
        Assert.Equal(Enumerable.Range(1, 43).Select(i => (long)i), second.Select(e => e.Sequence));
    }

    [Fact]
    public async Task ReadingBackStopsSoonAfterThePeriodStartsAndAnEarlierPeriodReadsOnlyTheOlderPart()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        for (var i = 1; i <= 150; i++)
        {
            await member.AdjustAsync(org.Admin, 1, "旧积分", $"old{i}");
        }

        var oldDay = Now;
        fixture.Time.Advance(TimeSpan.FromDays(10));
        for (var i = 1; i <= 5; i++)
        {
            await member.AdjustAsync(org.Admin, 2, "新积分", $"new{i}");
        }

        var (proxy, reads) = CountingMember.Wrap(member);
        var window = new LedgerWindow();
        var recent = await window.ReadAsync(proxy, Now.AddDays(-1), Now.AddDays(-400), default);
        var readRecent = reads.Sum();
        var older = await window.ReadAsync(proxy, oldDay.AddMinutes(-1), Now.AddDays(-400), default);

        Assert.Equal(Enumerable.Repeat(2L, 5), recent.Select(e => e.Amount));
        Assert.True(readRecent < 155, $"read {readRecent} entries of 155 for 5 recent ones");
        Assert.Equal(155, older.Count);
        Assert.Equal(155, reads.Sum());
    }
}
