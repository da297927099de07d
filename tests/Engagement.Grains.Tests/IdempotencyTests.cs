using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Engagement.Tests;

/// <summary>Idempotency keys are kept for a time window (the fixture's 200 days), however many writes follow.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IdempotencyTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task AnAdjustmentRetriedAfterTenThousandLaterWritesReturnsTheFirstResultAndCreditsNothing()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var first = await member.AdjustAsync(org.Secretary, 5, "补录", "first");
        for (var i = 0; i < 10_000; i++)
        {
            await member.AdjustAsync(org.Secretary, 1, "later", $"later-{i}");
        }

        var retry = await member.AdjustAsync(org.Secretary, 5, "补录", "first");

        Assert.Equal(first, retry);
        var balance = await member.GetBalanceAsync(org.Secretary);
        Assert.Equal(10_005, balance.Balance);
        Assert.Equal(10_001, balance.LedgerEntries);
        var audit = (await _grains.GetGrain<IParkGrain>(org.Park).ListAuditAsync(org.Admin, null, org.Branch)).Records;
        Assert.Single(audit, r => r.Action == "adjust-points" && r.Details.Contains("补录", StringComparison.Ordinal));
        Assert.Equal(10_001, audit.Count(r => r.Action == "adjust-points"));
    }

    [Fact]
    public async Task AnAuditedActionRetriedAfterAThousandLaterAuditedActionsIsRecordedOnce()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync(verified: false);
        var park = _grains.GetGrain<IParkGrain>(org.Park);
        var first = await member.VerifyAsync(org.Secretary, "verify-once");
        for (var i = 0; i < 1_000; i++)
        {
            await park.SetRulesAsync(org.Admin, PointsRules.Default with { CheckInPoints = 1 + (i % 5) }, null, $"rules-{i}");
        }

        var retry = await member.VerifyAsync(org.Secretary, "verify-once");

        Assert.Equal(first, retry);
        var audit = (await park.ListAuditAsync(org.Admin, null, null)).Records;
        Assert.Single(audit, r => r.Action == "verify-member");
        Assert.Equal(1_000, audit.Count(r => r.Action == "set-park-rules"));
    }

    [Fact]
    public async Task ACheckInRetriedAfterMoreThanAHundredLaterCheckInDaysReturnsTheFirstResult()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var caller = Org.MemberCaller(member.GetPrimaryKeyString());
        var first = await member.CheckInAsync(caller, "day-0");
        for (var day = 1; day <= 120; day++)
        {
            fixture.Time.Advance(TimeSpan.FromDays(1));
            await member.CheckInAsync(caller, $"day-{day}");
        }

        var before = await member.GetBalanceAsync(caller);

        var retry = await member.CheckInAsync(caller, "day-0");

        Assert.Equal(first, retry);
        Assert.Equal(before, await member.GetBalanceAsync(caller));
    }

    [Fact]
    public async Task AfterTheWindowAKeyIsForgottenAndActsAsANewWrite()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        var caller = Org.MemberCaller(member.GetPrimaryKeyString());
        var first = await member.CheckInAsync(caller, "reused");
        var adjusted = await member.AdjustAsync(org.Admin, 7, "bonus", "reused-adjust");
        fixture.Time.Advance(ClusterFixture.IdempotencyWindow + TimeSpan.FromDays(1));

        var again = await member.CheckInAsync(caller, "reused");
        var adjustedAgain = await member.AdjustAsync(org.Admin, 7, "bonus", "reused-adjust");

        Assert.False(again.AlreadyCheckedIn);
        Assert.NotEqual(first.Day, again.Day);
        Assert.NotEqual(adjusted.Entry!.Sequence, adjustedAgain.Entry!.Sequence);
        Assert.Equal(1 + 7 + 1 + 7, (await member.GetBalanceAsync(caller)).Balance);
    }

    [Fact]
    public async Task AKeyReplayedWithADifferentRequestIsRefusedAndChangesNothing()
    {
        var org = await new Org(_grains).CreateAsync();
        var member = await org.MemberAsync();
        await member.AdjustAsync(org.Secretary, 5, "补录", "adj");

        var error = await Assert.ThrowsAsync<EngagementException>(() => member.AdjustAsync(org.Secretary, 50, "补录", "adj"));

        Assert.Equal(ErrorKind.AlreadyExists, error.Kind);
        Assert.Equal(ErrorReasons.IdempotencyKeyReused, error.Reason);
        Assert.Equal(5, (await member.GetBalanceAsync(org.Secretary)).Balance);
    }

    [Fact]
    public async Task ARowStoredWithTheOldFixedCountListsStillAnswersItsRetries()
    {
        var org = await new Org(_grains).CreateAsync();
        var template = await (await org.MemberAsync()).GetMembershipAsync();
        var id = Org.Next("m");
        var at = fixture.Time.GetUtcNow();
        var today = ParkClock.DayOf(at, template.TimeZone);
        var adjustment = new LedgerEntry(id, 1, 10, LedgerEntryKind.Adjustment, "adjustment: old", "old-adjust", at, 10);
        var checkIn = new LedgerEntry(id, 2, 1, LedgerEntryKind.CheckIn, $"check-in:{today:yyyy-MM-dd}", "old-check-in", at, 11);
        var adjusted = new AwardResult(10, 10, adjustment, 10, 0, null);
        var checkedIn = new CheckInResult(today, 1, checkIn, 11, 1, AlreadyCheckedIn: false);
        var old = new MemberState
        {
            Profile = template with { MemberId = id },
            RegistrationKey = "old-register",
            Balance = 11,
            LastSequence = 2,
            Tail = [adjustment, checkIn],
            LastCheckIn = checkedIn,
            CheckInKeys = new(StringComparer.Ordinal) { ["old-check-in"] = checkedIn },
            RecentResults = [new KeyedResult("adjust:old-adjust", adjusted)],
        };
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);
        await storage.WriteStateAsync("member", GrainId.Create("member", id), new GrainState<MemberState>(old));
        var member = _grains.GetGrain<IMemberGrain>(id);

        var adjustRetry = await member.AdjustAsync(org.Admin, 10, "old", "old-adjust");
        fixture.Time.Advance(TimeSpan.FromDays(1));
        var checkInRetry = await member.CheckInAsync(Org.MemberCaller(id), "old-check-in");

        Assert.Equal(adjusted, adjustRetry);
        Assert.Equal(checkedIn, checkInRetry);
        Assert.Equal(11, (await member.GetBalanceAsync(org.Admin)).Balance);
    }
}
