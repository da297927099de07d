using System.Net;
using System.Net.Http.Headers;
using Engagement.V1;
using Grpc.Core;

namespace Engagement.EndToEnd;

[Collection(NodeCollection.Name)]
public sealed class RedemptionFlowTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    [Fact]
    public async Task AMemberRedeemsAtTheCounterAndTheirAppSeesItCompletedAtOnce()
    {
        var seed = await Seed.CreateAsync(Node);
        var counter = await Counter.OpenAsync(seed);
        var (id, member) = await counter.CustomerAsync(100);
        var started = await counter.StartAsync(member, "buy-latte");
        var retried = await counter.StartAsync(member, "buy-latte");
        using var watch = member.Redemptions.WatchRedemption(new WatchRedemptionRequest { RedemptionId = started.RedemptionId });
        Assert.True(await watch.ResponseStream.MoveNext(TestContext.Current.CancellationToken));
        Assert.Equal(V1.RedemptionStatus.Pending, watch.ResponseStream.Current.Redemption.Status);

        var preview = (await counter.Staff.Redemptions.ValidateRedemptionAsync(new ValidateRedemptionRequest { MerchantId = counter.MerchantId, Code = started.Code })).Redemption;
        var confirmed = (await counter.Staff.Redemptions.ConfirmRedemptionAsync(new ConfirmRedemptionRequest { MerchantId = counter.MerchantId, QrPayload = started.QrPayload, IdempotencyKey = "confirm" })).Redemption;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(5));
        Assert.True(await watch.ResponseStream.MoveNext(deadline.Token));
        var pushed = watch.ResponseStream.Current.Redemption;
        var again = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, ErrorReasons.AlreadyRedeemed,
            () => counter.Staff.Redemptions.ConfirmRedemptionAsync(new ConfirmRedemptionRequest { MerchantId = counter.MerchantId, QrPayload = started.QrPayload, IdempotencyKey = "second-scan" }));
        var balance = await member.Points.GetBalanceAsync(new GetBalanceRequest());

        Assert.Equal(started, retried);
        Assert.Matches("^[0-9]{8}$", started.Code);
        Assert.Equal("", preview.Code);
        Assert.Equal("王小明", preview.MemberDisplayName);
        Assert.Equal((V1.RedemptionStatus.Pending, 10L, "拿铁"), (preview.Status, preview.Points, preview.ItemName));
        Assert.Equal(V1.RedemptionStatus.Completed, confirmed.Status);
        Assert.Equal(V1.RedemptionStatus.Completed, pushed.Status);
        Assert.Equal((90, 0), (balance.Balance, balance.Held));
        Assert.NotNull(again);
        Assert.Equal(id, pushed.MemberId);
    }

    [Fact]
    public async Task FiftyConcurrentConfirmsThroughTheGatewaySucceedOnce()
    {
        var seed = await Seed.CreateAsync(Node);
        var counter = await Counter.OpenAsync(seed);
        var (_, member) = await counter.CustomerAsync(100);
        var started = await counter.StartAsync(member);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            try
            {
                await counter.Staff.Redemptions.ConfirmRedemptionAsync(new ConfirmRedemptionRequest { MerchantId = counter.MerchantId, QrPayload = started.QrPayload, IdempotencyKey = $"c{i}" });
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }));

        Assert.Single(outcomes, o => o == StatusCode.OK);
        Assert.Equal(49, outcomes.Count(o => o == StatusCode.FailedPrecondition));
        Assert.Equal(90, (await member.Points.GetBalanceAsync(new GetBalanceRequest())).Balance);
    }

    [Fact]
    public async Task AHundredMembersRacingForTheLastTenUnitsThroughTheGatewayGetTen()
    {
        var seed = await Seed.CreateAsync(Node);
        var counter = await Counter.OpenAsync(seed, cost: 5, stock: 10);
        var customers = new List<(string Id, Api Api)>();
        for (var i = 0; i < 100; i++)
        {
            customers.Add(await counter.CustomerAsync(20));
        }

        var outcomes = await Task.WhenAll(customers.Select(async c =>
        {
            try
            {
                var started = await counter.StartAsync(c.Api);
                await counter.Staff.Redemptions.ConfirmRedemptionAsync(new ConfirmRedemptionRequest { MerchantId = counter.MerchantId, QrPayload = started.QrPayload, IdempotencyKey = "k" });
                return "completed";
            }
            catch (RpcException e)
            {
                return e.Status.Detail;
            }
        }));

        var item = await counter.ItemAsync();
        Assert.Equal(10, outcomes.Count(o => o == "completed"));
        Assert.Equal((0L, 0L, 10L), (item.Available, item.Reserved, item.Sold));
        var report = await seed.Admin.Points.CheckLedgerConsistencyAsync(new CheckLedgerConsistencyRequest { ParkId = seed.Park });
        Assert.Empty(report.Differences);
    }

    [Fact]
    public async Task TheCounterOfAnotherMerchantCanNeitherSeeNorConfirmAndMembersCannotConfirm()
    {
        var seed = await Seed.CreateAsync(Node);
        var counter = await Counter.OpenAsync(seed);
        var other = await Counter.OpenAsync(seed);
        var (_, member) = await counter.CustomerAsync();
        var started = await counter.StartAsync(member);

        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.RedemptionNotFound,
            () => other.Staff.Redemptions.ValidateRedemptionAsync(new ValidateRedemptionRequest { MerchantId = other.MerchantId, QrPayload = started.QrPayload }));
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.RedemptionNotFound,
            () => other.Staff.Redemptions.ConfirmRedemptionAsync(new ConfirmRedemptionRequest { MerchantId = other.MerchantId, Code = started.Code, IdempotencyKey = "k" }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => other.Staff.Redemptions.ConfirmRedemptionAsync(new ConfirmRedemptionRequest { MerchantId = counter.MerchantId, Code = started.Code, IdempotencyKey = "k" }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, ErrorReasons.PermissionDenied,
            () => member.Redemptions.ConfirmRedemptionAsync(new ConfirmRedemptionRequest { MerchantId = counter.MerchantId, Code = started.Code, IdempotencyKey = "k" }));
        await RpcAssert.FailsAsync(StatusCode.NotFound, ErrorReasons.RedemptionNotFound,
            () => other.Staff.Redemptions.GetRedemptionAsync(new GetRedemptionRequest { RedemptionId = started.RedemptionId }));

        Assert.Equal(V1.RedemptionStatus.Pending, (await member.Redemptions.GetRedemptionAsync(new GetRedemptionRequest { RedemptionId = started.RedemptionId })).Redemption.Status);
    }

    [Fact]
    public async Task CancelExpireAndRefundGiveThePointsBackAndTheSettlementCountsThem()
    {
        var seed = await Seed.CreateAsync(Node);
        var counter = await Counter.OpenAsync(seed);
        var (_, member) = await counter.CustomerAsync(100);
        var toCancel = await counter.StartAsync(member);
        var toExpire = await counter.StartAsync(member);
        var toRefund = await counter.StartAsync(member);

        var cancelled = (await member.Redemptions.CancelRedemptionAsync(new CancelRedemptionRequest { RedemptionId = toCancel.RedemptionId, IdempotencyKey = "x" })).Redemption;
        await counter.Staff.Redemptions.ConfirmRedemptionAsync(new ConfirmRedemptionRequest { MerchantId = counter.MerchantId, Code = toRefund.Code, IdempotencyKey = "k" });
        var refunded = (await counter.Staff.Redemptions.RefundRedemptionAsync(new RefundRedemptionRequest { MerchantId = counter.MerchantId, RedemptionId = toRefund.RedemptionId, IdempotencyKey = "r" })).Redemption;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Node.Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime).ToString("yyyy-MM-dd", null);
        var settlement = (await counter.Staff.Merchants.GetSettlementAsync(new GetSettlementRequest { MerchantId = counter.MerchantId, Day = day })).Settlement;
        Node.Time.Advance(TimeSpan.FromMinutes(11));
        await Eventually.SucceedsAsync(async () => (await member.Points.GetBalanceAsync(new GetBalanceRequest())).Held == 0 ? true : throw new InvalidOperationException("still held"),
            TimeSpan.FromSeconds(20), "the expiry of an unused code");
        var expired = (await member.Redemptions.GetRedemptionAsync(new GetRedemptionRequest { RedemptionId = toExpire.RedemptionId })).Redemption;

        Assert.Equal(V1.RedemptionStatus.Cancelled, cancelled.Status);
        Assert.Equal(V1.RedemptionStatus.Refunded, refunded.Status);
        Assert.Equal(V1.RedemptionStatus.Expired, expired.Status);
        Assert.Equal(100, (await member.Points.GetBalanceAsync(new GetBalanceRequest())).Balance);
        Assert.Equal((1, 10L, 1, 10L), (settlement.Redemptions, settlement.Points, settlement.Refunds, settlement.RefundedPoints));
        Assert.Equal((100L, 0L, 0L), ((await counter.ItemAsync()).Available, (await counter.ItemAsync()).Reserved, (await counter.ItemAsync()).Sold));

        using var http = new HttpClient { BaseAddress = Node.HttpAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Node.Token($"clerk-{counter.MerchantId}", new RoleGrant(Role.MerchantStaff, counter.MerchantId)));
        using var csv = await http.GetAsync($"/v1/merchants/{counter.MerchantId}/settlements/{day}.csv", TestContext.Current.CancellationToken);
        var lines = (await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("merchant_id,day,item_id,item_name,redemptions,points,refunds,refunded_points", lines[0]);
        Assert.Equal($"{counter.MerchantId},{day},latte,拿铁,1,10,1,10", lines[1]);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Node.Token("nobody", new RoleGrant(Role.MerchantStaff, "elsewhere")));
        using var denied = await http.GetAsync($"/v1/merchants/{counter.MerchantId}/settlements/{day}.csv", TestContext.Current.CancellationToken);
        // Staff of a merchant that does not exist have no role in this park: its merchants are unknown to them.
        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
    }

    [Fact]
    public async Task BadCounterInputIsNamedAndRateLimitsAnswerResourceExhausted()
    {
        var seed = await Seed.CreateAsync(Node);
        var counter = await Counter.OpenAsync(seed);

        var both = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, ErrorReasons.InvalidArgument,
            () => counter.Staff.Redemptions.ValidateRedemptionAsync(new ValidateRedemptionRequest { MerchantId = counter.MerchantId, Code = "1234", QrPayload = "x" }));
        var outcomes = new List<StatusCode>();
        for (var i = 0; i < 31; i++)
        {
            try
            {
                await counter.Staff.Redemptions.ValidateRedemptionAsync(new ValidateRedemptionRequest { MerchantId = counter.MerchantId, Code = $"{i:D8}" });
            }
            catch (RpcException e)
            {
                outcomes.Add(e.StatusCode);
            }
        }

        Assert.Equal(["code"], RpcAssert.ViolatedFields(both));
        Assert.Equal(30, outcomes.Count(o => o == StatusCode.NotFound));
        Assert.Equal(StatusCode.ResourceExhausted, outcomes[^1]);
    }
}
