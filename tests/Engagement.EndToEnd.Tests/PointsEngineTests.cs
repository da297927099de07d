using Engagement.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Engagement.EndToEnd;

[Collection(NodeCollection.Name)]
public sealed class PointsEngineTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    [Fact]
    public async Task TodaysProgressShowsTheCheckInAgainstItsCap()
    {
        var seed = await Seed.CreateAsync(Node);
        var (_, member) = await seed.MemberAsync();
        await member.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "k" });

        var progress = await member.Points.GetDailyProgressAsync(new GetDailyProgressRequest());

        var checkIn = progress.Activities.Single(a => a.Activity == V1.Activity.CheckIn);
        Assert.Equal(1, checkIn.Earned);
        Assert.Equal(1, checkIn.DailyCap);
        Assert.False(progress.Activities.Single(a => a.Activity == V1.Activity.EventOnSite).HasDailyCap);
        Assert.Equal(1, progress.StreakDays);
        Assert.Equal(1, progress.EarnedToday);
    }

    [Fact]
    public async Task ParkRulesTakeEffectAtTheirTimeAndACommitteeOverrideWins()
    {
        var seed = await Seed.CreateAsync(Node);
        var (_, member) = await seed.MemberAsync();
        var from = Timestamp.FromDateTimeOffset(Node.Time.GetUtcNow().AddHours(1));
        var rules = (await seed.Admin.Rules.GetParkRulesAsync(new GetParkRulesRequest { ParkId = seed.Park })).Rules.InForce;
        rules.CheckInPoints = 2;

        var scheduled = (await seed.Admin.Rules.SetParkRulesAsync(new SetParkRulesRequest { ParkId = seed.Park, Rules = rules, EffectiveTime = from, IdempotencyKey = "r" })).Rules;
        var beforeEffect = await member.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "before" });
        Node.Time.Advance(TimeSpan.FromDays(1));
        var afterEffect = await member.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "after" });
        var committeeRules = rules.Clone();
        committeeRules.CheckInPoints = 4;
        var overridden = (await seed.Admin.Rules.SetCommitteeRulesAsync(new SetCommitteeRulesRequest { CommitteeId = seed.Committee, Rules = committeeRules, IdempotencyKey = "c" })).Rules;
        Node.Time.Advance(TimeSpan.FromDays(1));
        var withOverride = await member.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "override" });

        Assert.Equal(1, scheduled.InForce.CheckInPoints);
        Assert.Single(scheduled.Versions);
        Assert.Equal(1, beforeEffect.PointsAwarded);
        Assert.Equal(2, afterEffect.PointsAwarded);
        Assert.False(overridden.Inherited);
        Assert.Equal(4, withOverride.PointsAwarded);
    }

    [Fact]
    public async Task InvalidRulesAreRejectedFieldByField()
    {
        var seed = await Seed.CreateAsync(Node);
        var rules = (await seed.Admin.Rules.GetParkRulesAsync(new GetParkRulesRequest { ParkId = seed.Park })).Rules.InForce;
        rules.StreakEvery = 0;
        rules.EpisodeWatchedPercent = 120;
        rules.QuizDailyCap = -1;

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => seed.Admin.Rules.SetParkRulesAsync(new SetParkRulesRequest { ParkId = seed.Park, Rules = rules, IdempotencyKey = "bad" }));

        Assert.Equal(["rules.streak_every", "rules.quiz_daily_cap", "rules.episode_watched_percent"], RpcAssert.ViolatedFields(error));
        Assert.Empty((await seed.Admin.Rules.GetParkRulesAsync(new GetParkRulesRequest { ParkId = seed.Park })).Rules.Versions);
    }

    [Fact]
    public async Task ASecretaryAdjustsPointsAndTheAuditTrailShowsWhoWhenWhat()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, member) = await seed.MemberAsync();

        var adjusted = await seed.Secretary.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = id, Amount = 8, Reason = "红色观影活动补录", IdempotencyKey = "a1" });
        var retry = await seed.Secretary.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = id, Amount = 8, Reason = "红色观影活动补录", IdempotencyKey = "a1" });
        var audit = await seed.Admin.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { ParkId = seed.Park });
        var ledger = await member.Points.ListLedgerAsync(new ListLedgerRequest());

        Assert.Equal(adjusted, retry);
        Assert.Equal(8, adjusted.Balance);
        Assert.Equal(V1.LedgerEntryKind.Adjustment, Assert.Single(ledger.Entries).Kind);
        var record = Assert.Single(audit.Records, r => r.Action == "adjust-points");
        Assert.Equal("secretary", record.Actor);
        Assert.Equal(["adjust-points", "create-branch", "create-committee", "register-member", "verify-member"],
            audit.Records.Select(r => r.Action).Order(StringComparer.Ordinal));
        Assert.Equal(id, record.Target);
        Assert.Equal(seed.Branch, record.BranchId);
    }

    [Fact]
    public async Task AdjustmentsNeedAReasonAndAManagerAndCannotOverdraw()
    {
        var seed = await Seed.CreateAsync(Node);
        var (id, member) = await seed.MemberAsync();

        var invalid = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => seed.Secretary.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = id, Amount = 0, Reason = "", IdempotencyKey = "k" }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => member.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = id, Amount = 100, Reason = "self-service", IdempotencyKey = "k" }));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, ErrorReasons.InsufficientPoints,
            () => seed.Secretary.Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = id, Amount = -1, Reason = "扣分", IdempotencyKey = "k" }));

        Assert.Equal(["reason", "amount"], RpcAssert.ViolatedFields(invalid));
        Assert.Equal(0, (await member.Points.GetBalanceAsync(new GetBalanceRequest())).LedgerEntries);
    }

    [Fact]
    public async Task TheConsistencyCheckCoversEveryMemberOfThePark()
    {
        var seed = await Seed.CreateAsync(Node);
        for (var i = 0; i < 3; i++)
        {
            var (_, member) = await seed.MemberAsync();
            await member.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "k" });
        }

        var report = await seed.Admin.Points.CheckLedgerConsistencyAsync(new CheckLedgerConsistencyRequest { ParkId = seed.Park });
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => seed.Secretary.Points.CheckLedgerConsistencyAsync(new CheckLedgerConsistencyRequest { ParkId = seed.Park }));

        Assert.Equal(3, report.MembersChecked);
        Assert.Equal(3, report.EntriesChecked);
        Assert.Empty(report.Differences);
    }
}
