namespace Engagement.Tests;

[Collection(ClusterCollection.Name)]
public sealed class RedemptionTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    private async Task<(Org Org, Shop Shop)> ShopAsync(long cost = 10, long stock = 100, int? perDay = null)
    {
        var org = await new Org(_grains).CreateAsync();
        return (org, await new Shop(_grains, org).OpenAsync(cost, stock, perDay));
    }

    [Fact]
    public async Task BrowsingAMerchantGivesItsNameAndTheCatalogueTheCallerMaySeeNotItsStaff()
    {
        var (_, shop) = await ShopAsync();
        var (_, me) = await shop.CustomerAsync(0);

        var browsed = await shop.Merchant.BrowseAsync(me);
        var stranger = await Assert.ThrowsAsync<EngagementException>(() => shop.Merchant.BrowseAsync(Org.As("stranger", new RoleGrant(Role.ParkAdmin, "elsewhere"))));

        Assert.Equal((shop.MerchantId, "园区咖啡"), (browsed.MerchantId, browsed.Name));
        Assert.Equal(shop.ItemId, Assert.Single(browsed.Items).Spec.ItemId);
        Assert.Equal(ErrorReasons.MerchantNotFound, stranger.Reason);
    }

    [Fact]
    public async Task StartingHoldsThePointsAndAUnitAndConfirmingSpendsThemOnce()
    {
        var (_, shop) = await ShopAsync();
        var (member, me) = await shop.CustomerAsync(100);

        var started = await shop.StartAsync(me);
        var held = await member.GetBalanceAsync(me);
        var preview = await shop.Redemption(started).ValidateAsync(shop.Staff, shop.MerchantId, Shop.Secret(started));
        var confirmed = await shop.Redemption(started).ConfirmAsync(shop.Staff, shop.MerchantId, Shop.Secret(started), "c1");
        var after = await member.GetBalanceAsync(me);
        var item = await shop.ItemAsync();
        var settlement = await shop.Merchant.GetSettlementAsync(shop.Staff, ParkClock.DayOf(fixture.Time.GetUtcNow(), ParkClock.DefaultTimeZone));

        Assert.Equal(RedemptionStatus.Pending, started.Status);
        Assert.Matches("^[0-9]{8}$", started.Code);
        Assert.True(Shop.Secret(started).Length >= 22);
        Assert.Equal((100, 10, 90), (held.Balance, held.Held, held.Available));
        Assert.Null(preview.Code);
        Assert.Equal("张三", preview.MemberDisplayName);
        Assert.Equal(RedemptionStatus.Completed, confirmed.Status);
        Assert.Equal((90, 0), (after.Balance, after.Held));
        Assert.Equal((99, 0, 1), (item.Available, item.Reserved, item.Sold));
        Assert.Equal((1, 10), (settlement.Redemptions, settlement.Points));
        var entry = (await member.ListLedgerAsync(me, 1, null)).Entries.Single();
        Assert.Equal((LedgerEntryKind.Redemption, -10), (entry.Kind, entry.Amount));
    }

    [Fact]
    public async Task FiftyConcurrentConfirmsSucceedOnceAndTheMemberPaysOnce()
    {
        var (_, shop) = await ShopAsync();
        var (member, me) = await shop.CustomerAsync(100);
        var started = await shop.StartAsync(me);
        var redemption = shop.Redemption(started);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            try
            {
                await redemption.ConfirmAsync(shop.Staff, shop.MerchantId, Shop.Secret(started), $"confirm-{i}");
                return "ok";
            }
            catch (EngagementException e)
            {
                return e.Reason;
            }
        }));

        Assert.Single(outcomes, o => o == "ok");
        Assert.Equal(49, outcomes.Count(o => o == ErrorReasons.AlreadyRedeemed));
        Assert.Equal(90, (await member.GetBalanceAsync(me)).Balance);
        Assert.Equal(1, (await shop.ItemAsync()).Sold);
    }

    [Fact]
    public async Task ARetriedConfirmWithTheSameKeyReturnsTheFirstResult()
    {
        var (_, shop) = await ShopAsync();
        var (_, me) = await shop.CustomerAsync();
        var started = await shop.StartAsync(me);

        var first = await shop.Redemption(started).ConfirmAsync(shop.Staff, shop.MerchantId, null, "same");
        var retry = await shop.Redemption(started).ConfirmAsync(shop.Staff, shop.MerchantId, null, "same");

        Assert.Equal(first, retry);
    }

    [Fact]
    public async Task AHundredMembersRacingForTheLastTenUnitsGetExactlyTen()
    {
        var (_, shop) = await ShopAsync(cost: 5, stock: 10);
        var customers = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => shop.CustomerAsync(20)));

        var starts = await Task.WhenAll(customers.Select(async c =>
        {
            try
            {
                var view = await shop.StartAsync(c.Caller);
                return await shop.Redemption(view).ConfirmAsync(shop.Staff, shop.MerchantId, Shop.Secret(view), "k");
            }
            catch (EngagementException e) when (e.Reason == ErrorReasons.OutOfStock)
            {
                return null;
            }
        }));

        Assert.Equal(10, starts.Count(s => s?.Status == RedemptionStatus.Completed));
        Assert.Equal((0, 0, 10), ((await shop.ItemAsync()).Available, (await shop.ItemAsync()).Reserved, (await shop.ItemAsync()).Sold));
        var balances = await Task.WhenAll(customers.Select(c => c.Member.GetBalanceAsync(c.Caller)));
        Assert.Equal(10, balances.Count(b => b.Balance == 15));
        Assert.All(balances, b => Assert.Equal(0, b.Held));
    }

    [Fact]
    public async Task FiftyRedemptionsAtOneMerchantWithThirtyInStockSellThirtyAndEveryLedgerAgrees()
    {
        // The merchant's stock moves interleave and share writes: the count must still be exact.
        var (_, shop) = await ShopAsync(cost: 10, stock: 30);
        var customers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => shop.CustomerAsync(25)));
        var started = await Task.WhenAll(customers.Select(async c =>
        {
            try
            {
                return await shop.StartAsync(c.Caller);
            }
            catch (EngagementException e) when (e.Reason == ErrorReasons.OutOfStock)
            {
                return null;
            }
        }));
        var pending = started.OfType<RedemptionView>().ToList();

        // Every redemption confirmed at once, each also retried with its key while the first is in flight.
        var confirms = await Task.WhenAll(pending.SelectMany(view => new[] { 0, 1 }.Select(_ =>
            shop.Redemption(view).ConfirmAsync(shop.Staff, shop.MerchantId, Shop.Secret(view), $"confirm-{view.RedemptionId}"))));

        var item = await shop.ItemAsync();
        var settlement = await shop.Merchant.GetSettlementAsync(shop.Staff, ParkClock.DayOf(fixture.Time.GetUtcNow(), ParkClock.DefaultTimeZone));
        Assert.Equal(30, pending.Count);
        Assert.All(confirms, c => Assert.Equal(RedemptionStatus.Completed, c.Status));
        Assert.Equal(30, confirms.DistinctBy(c => c.RedemptionId).Count());
        Assert.All(confirms.GroupBy(c => c.RedemptionId), pair => Assert.Equal(pair.First(), pair.Last()));
        Assert.Equal((0, 0, 30), (item.Available, item.Reserved, item.Sold));
        Assert.Equal((30, 300), (settlement.Redemptions, settlement.Points));
        foreach (var (member, caller) in customers)
        {
            var balance = await member.GetBalanceAsync(caller);
            var ledger = await member.ListLedgerAsync(caller, 100, null);
            Assert.Equal(ledger.Entries.Sum(e => e.Amount), balance.Balance);
            Assert.Equal(0, balance.Held);
        }

        Assert.Equal(30, (await Task.WhenAll(customers.Select(c => c.Member.GetBalanceAsync(c.Caller)))).Count(b => b.Balance == 15));
    }

    [Fact]
    public async Task AMemberStartingManyRedemptionsAtOnceNeverHoldsMoreThanTheBalance()
    {
        var (_, shop) = await ShopAsync(cost: 10);
        var (member, me) = await shop.CustomerAsync(35);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            try
            {
                return (await shop.StartAsync(me)).Status.ToString();
            }
            catch (EngagementException e)
            {
                return e.Reason;
            }
        }));

        Assert.Equal(3, results.Count(r => r == nameof(RedemptionStatus.Pending)));
        Assert.Equal(7, results.Count(r => r == ErrorReasons.InsufficientPoints));
        var balance = await member.GetBalanceAsync(me);
        Assert.Equal((35, 30, 5), (balance.Balance, balance.Held, balance.Available));
        Assert.Equal(3, (await shop.ItemAsync()).Reserved);
    }

    [Fact]
    public async Task CancellingReleasesTheHoldAndTheUnitAndTheCodeNoLongerConfirms()
    {
        var (_, shop) = await ShopAsync();
        var (member, me) = await shop.CustomerAsync();
        var started = await shop.StartAsync(me);

        var cancelled = await shop.Redemption(started).CancelAsync(me);
        var error = await Assert.ThrowsAsync<EngagementException>(() => shop.Redemption(started).ConfirmAsync(shop.Staff, shop.MerchantId, null, "k"));

        Assert.Equal(RedemptionStatus.Cancelled, cancelled.Status);
        Assert.Equal(ErrorReasons.RedemptionCancelled, error.Reason);
        Assert.Equal(0, (await member.GetBalanceAsync(me)).Held);
        Assert.Equal((100, 0), ((await shop.ItemAsync()).Available, (await shop.ItemAsync()).Reserved));
        await Assert.ThrowsAsync<EngagementException>(() => shop.Merchant.ResolveCodeAsync(shop.Staff, started.Code!));
    }

    [Fact]
    public async Task AnUnusedCodeExpiresOnTimeWithoutAnybodyCalling()
    {
        var (_, shop) = await ShopAsync();
        var (member, me) = await shop.CustomerAsync();
        var started = await shop.StartAsync(me);

        fixture.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var released = await Poll.UntilAsync(async () => (await member.GetBalanceAsync(me)).Held == 0, true, seconds: 20);
        var view = await shop.Redemption(started).GetAsync(me);

        Assert.True(released, "the expiry reminder did not release the hold");
        Assert.Equal(RedemptionStatus.Expired, view.Status);
        Assert.Equal(0, (await shop.ItemAsync()).Reserved);
    }

    [Fact]
    public async Task StaffRefundWithinSevenDaysAndThePointsComeBackAsANewEntry()
    {
        var (_, shop) = await ShopAsync();
        var (member, me) = await shop.CustomerAsync();
        var first = await shop.StartAsync(me);
        await shop.Redemption(first).ConfirmAsync(shop.Staff, shop.MerchantId, null, "c");
        var second = await shop.StartAsync(me);
        await shop.Redemption(second).ConfirmAsync(shop.Staff, shop.MerchantId, null, "c");

        var refunded = await shop.Redemption(first).RefundAsync(shop.Staff, shop.MerchantId, "r");
        fixture.Time.Advance(TimeSpan.FromDays(8));
        var late = await Assert.ThrowsAsync<EngagementException>(() => shop.Redemption(second).RefundAsync(shop.Staff, shop.MerchantId, "r"));

        Assert.Equal(RedemptionStatus.Refunded, refunded.Status);
        Assert.Equal(ErrorReasons.RefundWindowClosed, late.Reason);
        Assert.Equal(90, (await member.GetBalanceAsync(me)).Balance);
        Assert.Equal(LedgerEntryKind.Refund, (await member.ListLedgerAsync(me, 1, null)).Entries.Single().Kind);
        Assert.Equal((99, 1), ((await shop.ItemAsync()).Available, (await shop.ItemAsync()).Sold));
    }

    [Fact]
    public async Task ARefusedStartLeavesNothingBehind()
    {
        var (_, shop) = await ShopAsync(cost: 50);
        var (member, me) = await shop.CustomerAsync(20);

        var error = await Assert.ThrowsAsync<EngagementException>(() => shop.StartAsync(me, "r-poor"));
        var gone = await Assert.ThrowsAsync<EngagementException>(() => _grains.GetGrain<IRedemptionGrain>("r-poor").GetAsync(me));

        Assert.Equal(ErrorReasons.InsufficientPoints, error.Reason);
        Assert.Equal(ErrorKind.NotFound, gone.Kind);
        Assert.Equal((100, 0), ((await shop.ItemAsync()).Available, (await shop.ItemAsync()).Reserved));
        Assert.Equal(0, (await member.GetBalanceAsync(me)).Held);
    }

    [Fact]
    public async Task ThePerMemberDailyLimitStopsASecondRedemptionUntilTomorrow()
    {
        var (_, shop) = await ShopAsync(perDay: 1);
        var (_, me) = await shop.CustomerAsync();
        await shop.StartAsync(me);

        var error = await Assert.ThrowsAsync<EngagementException>(() => shop.StartAsync(me));
        fixture.Time.Advance(TimeSpan.FromDays(1));
        var tomorrow = await shop.StartAsync(me);

        Assert.Equal(ErrorReasons.PurchaseLimitReached, error.Reason);
        Assert.Equal(RedemptionStatus.Pending, tomorrow.Status);
    }

    [Fact]
    public async Task StaffOfAnotherMerchantLearnNothingAboutThisMerchantsCodes()
    {
        var (org, shop) = await ShopAsync();
        var other = await new Shop(_grains, org).OpenAsync();
        var (_, me) = await shop.CustomerAsync();
        var started = await shop.StartAsync(me);
        var unregistered = Org.As("somebody", new RoleGrant(Role.MerchantStaff, shop.MerchantId));

        var byQr = await Assert.ThrowsAsync<EngagementException>(() => shop.Redemption(started).ValidateAsync(other.Staff, other.MerchantId, Shop.Secret(started)));
        var byCode = await Assert.ThrowsAsync<EngagementException>(() => other.Merchant.ResolveCodeAsync(other.Staff, started.Code!));
        var wrongMerchant = await Assert.ThrowsAsync<EngagementException>(() => shop.Redemption(started).ConfirmAsync(other.Staff, shop.MerchantId, null, "k"));
        var notStaff = await Assert.ThrowsAsync<EngagementException>(() => shop.Merchant.ResolveCodeAsync(unregistered, started.Code!));

        Assert.Equal(ErrorReasons.RedemptionNotFound, byQr.Reason);
        Assert.Equal(ErrorReasons.RedemptionNotFound, byCode.Reason);
        Assert.Equal(ErrorKind.PermissionDenied, wrongMerchant.Kind);
        // A merchant-staff role the merchant does not list is no role in its park: the merchant is unknown to them.
        Assert.Equal((ErrorKind.NotFound, ErrorReasons.MerchantNotFound), (notStaff.Kind, notStaff.Reason));
        Assert.Equal(RedemptionStatus.Pending, (await shop.Redemption(started).GetAsync(me)).Status);
    }

    [Fact]
    public async Task TypedCodesAreRateLimitedPerStaffMember()
    {
        var (_, shop) = await ShopAsync();
        var outcomes = new List<string>();
        for (var i = 0; i < 31; i++)
        {
            try
            {
                await shop.Merchant.ResolveCodeAsync(shop.Staff, $"{i:D8}");
            }
            catch (EngagementException e)
            {
                outcomes.Add(e.Reason);
            }
        }

        Assert.Equal(30, outcomes.Count(o => o == ErrorReasons.RedemptionNotFound));
        Assert.Equal(ErrorReasons.TooManyValidations, outcomes[^1]);
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var again = await Assert.ThrowsAsync<EngagementException>(() => shop.Merchant.ResolveCodeAsync(shop.Staff, "00000000"));
        Assert.Equal(ErrorReasons.RedemptionNotFound, again.Reason);
    }
}
