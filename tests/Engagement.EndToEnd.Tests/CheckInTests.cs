using Engagement.V1;

namespace Engagement.EndToEnd;

[Collection(NodeCollection.Name)]
public sealed class CheckInTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    [Fact]
    public async Task AVerifiedMemberChecksInAndSeesTheBalanceAndTheLedgerEntry()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, member) = await seed.MemberAsync();

        var checkIn = await member.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "morning" });
        var balance = await member.Points.GetBalanceAsync(new GetBalanceRequest());
        var ledger = await member.Points.ListLedgerAsync(new ListLedgerRequest { MemberId = id });

        Assert.Equal(1, checkIn.PointsAwarded);
        Assert.Equal(1, checkIn.Balance);
        Assert.Equal(1, balance.Balance);
        Assert.Equal(1, balance.Available);
        var entry = Assert.Single(ledger.Entries);
        Assert.Equal(V1.LedgerEntryKind.CheckIn, entry.Kind);
        Assert.Equal(1, entry.Amount);
        Assert.Equal("morning", entry.IdempotencyKey);
        Assert.Equal(checkIn.Entry, entry);
        Assert.Equal("", ledger.NextPageToken);
    }

    [Fact]
    public async Task ASecondCheckInTheSameDayReturnsTheFirstResultAndARetryIsIdentical()
    {
        var seed = await Seed.CreateAsync(Node);
        var (_, member) = await seed.MemberAsync();

        var first = await member.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "a" });
        var again = await member.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "b" });
        var retry = await member.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "a" });
        var balance = await member.Points.GetBalanceAsync(new GetBalanceRequest());

        Assert.True(again.AlreadyCheckedIn);
        Assert.Equal(0, again.PointsAwarded);
        Assert.Equal(first.Entry, again.Entry);
        Assert.Equal(first, retry);
        Assert.Equal(1, balance.Balance);
    }

    [Fact]
    public async Task TheCheckInDayTurnsAtMidnightInTheParksTimeZone()
    {
        var seed = await Seed.CreateAsync(Node, "Asia/Shanghai");
        var (_, member) = await seed.MemberAsync();
        var now = Node.Time.GetUtcNow();
        // Next 23:59:30 in Shanghai (15:59:30 UTC).
        var beforeMidnight = new DateTimeOffset(now.Year, now.Month, now.Day, 15, 59, 30, TimeSpan.Zero);
        if (beforeMidnight <= now)
        {
            beforeMidnight = beforeMidnight.AddDays(1);
        }

        Node.Time.Advance(beforeMidnight - now);
        var evening = await member.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "evening" });
        Node.Time.Advance(TimeSpan.FromMinutes(1));
        var night = await member.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "night" });

        Assert.Equal(DateOnly.FromDateTime(beforeMidnight.UtcDateTime).ToString("yyyy-MM-dd", null), evening.Day);
        Assert.NotEqual(evening.Day, night.Day);
        Assert.Equal(1, night.PointsAwarded);
        Assert.Equal(2, night.StreakDays);
        Assert.Equal(2, night.Balance);
    }

    [Fact]
    public async Task TheLedgerPagesNewestFirstWithATokenUntilTheOldestEntry()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, member) = await seed.MemberAsync();
        const int days = LedgerPaging.PageSize + 8;
        for (var day = 0; day < days; day++)
        {
            await member.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = $"d{day}" });
            Node.Time.Advance(TimeSpan.FromDays(1));
        }

        var sequences = new List<long>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await seed.Secretary.Points.ListLedgerAsync(new ListLedgerRequest { MemberId = id, PageSize = 15, PageToken = token });
            sequences.AddRange(page.Entries.Select(e => e.Sequence));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        var entries = (await member.Points.GetBalanceAsync(new GetBalanceRequest())).LedgerEntries;
        Assert.Equal(days + days / 7, entries);
        Assert.Equal(Enumerable.Range(1, (int)entries).Reverse().Select(i => (long)i), sequences);
        Assert.Equal((int)Math.Ceiling(entries / 15.0), pages);
    }
}
