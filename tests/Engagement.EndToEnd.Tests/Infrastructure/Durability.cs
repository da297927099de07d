using Engagement.V1;
using Grpc.Core;

namespace Engagement.EndToEnd;

/// <summary>
/// The durability promise, shared by every storage provider: writes acknowledged to clients survive a SIGKILL of
/// the node, and nothing is doubled when clients retry after the restart.
/// </summary>
public static class Durability
{
    public static async Task AcknowledgedCheckInsSurviveAKillAsync(NodeSettings settings, int members = 20)
    {
        Seed seed;
        List<(string Id, Api Api)> registered = [];
        Dictionary<string, CheckInResponse> acknowledged = [];
        await using (var node = await NodeProcess.StartAsync(settings))
        {
            seed = await Seed.CreateAsync(node.Channel, settings.Key);
            for (var i = 0; i < members; i++)
            {
                registered.Add(await seed.MemberAsync());
            }

            var results = await Task.WhenAll(registered.Select(m => m.Api.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "first" }).ResponseAsync));
            foreach (var (member, result) in registered.Zip(results))
            {
                acknowledged[member.Id] = result;
            }

            node.Kill();
        }

        await using var restarted = await NodeProcess.StartAsync(settings);
        var again = Seed.Reattach(seed, restarted.Channel, settings.Key);
        foreach (var (id, _) in registered)
        {
            var member = again.As(id, new RoleGrant(Role.Member, id));
            var balance = await member.Points.GetBalanceAsync(new GetBalanceRequest());
            var ledger = await member.Points.ListLedgerAsync(new ListLedgerRequest());
            var retry = await member.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "first" });

            Assert.Equal(1, balance.Balance);
            Assert.Equal(acknowledged[id].Entry, Assert.Single(ledger.Entries));
            Assert.Equal(acknowledged[id], retry);
        }
    }
    /// <summary>
    /// Counter confirmations at one merchant share the merchant's writes: a kill while they are in flight loses no
    /// acknowledged confirmation, and after the restart every confirmation retried with its key completes exactly once
    /// (stock sold = redemptions completed, every balance equal to its ledger).
    /// </summary>
    public static async Task AcknowledgedConfirmationsSurviveAKillMidFlightAsync(NodeSettings settings)
    {
        Seed seed;
        Counter counter;
        List<(string Id, Api Api)> customers = [];
        List<V1.Redemption> started = [];
        var acknowledged = new System.Collections.Concurrent.ConcurrentDictionary<string, V1.Redemption>();
        await using (var node = await NodeProcess.StartAsync(settings))
        {
            seed = await Seed.CreateAsync(node.Channel, settings.Key);
            counter = await Counter.OpenAsync(seed, cost: 10, stock: 30);
            for (var i = 0; i < 50; i++)
            {
                customers.Add(await counter.CustomerAsync(25));
            }

            var starts = await Task.WhenAll(customers.Select(async c =>
            {
                try
                {
                    return await counter.StartAsync(c.Api, "buy");
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
                {
                    return null;
                }
            }));
            started.AddRange(starts.OfType<V1.Redemption>());
            Assert.Equal(30, started.Count);

            // 30 confirmations 5 ms apart; the node dies as soon as one is acknowledged, with others in flight.
            var someAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var confirms = started.Select(async (r, i) =>
            {
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(5 * i));
                    var reply = await counter.Staff.Redemptions.ConfirmRedemptionAsync(new ConfirmRedemptionRequest
                    {
                        MerchantId = counter.MerchantId, QrPayload = r.QrPayload, IdempotencyKey = $"confirm-{r.RedemptionId}",
                    });
                    acknowledged[r.RedemptionId] = reply.Redemption;
                    if (!acknowledged.IsEmpty)
                    {
                        someAcknowledged.TrySetResult();
                    }
                }
                catch (RpcException)
                {
                    // In flight when the node died: retried below.
                }
            }).ToList();
            await Task.WhenAny(someAcknowledged.Task, Task.WhenAll(confirms));
            node.Kill();
            await Task.WhenAll(confirms);
        }

        await using var restarted = await NodeProcess.StartAsync(settings);
        var again = Seed.Reattach(seed, restarted.Channel, settings.Key);
        var staff = again.As($"clerk-{counter.MerchantId}", new RoleGrant(Role.MerchantStaff, counter.MerchantId));
        foreach (var (id, redemption) in acknowledged)
        {
            var member = customers.Single(c => c.Id == redemption.MemberId);
            var seen = (await again.As(member.Id, new RoleGrant(Role.Member, member.Id)).Redemptions.GetRedemptionAsync(new GetRedemptionRequest { RedemptionId = id })).Redemption;
            Assert.Equal(V1.RedemptionStatus.Completed, seen.Status);
        }

        foreach (var r in started)
        {
            var retry = (await staff.Redemptions.ConfirmRedemptionAsync(new ConfirmRedemptionRequest
            {
                MerchantId = counter.MerchantId, QrPayload = r.QrPayload, IdempotencyKey = $"confirm-{r.RedemptionId}",
            })).Redemption;
            Assert.Equal(V1.RedemptionStatus.Completed, retry.Status);
            if (acknowledged.TryGetValue(r.RedemptionId, out var first))
            {
                Assert.Equal(first, retry);
            }
        }

        var item = (await staff.Merchants.ListCatalogAsync(new ListCatalogRequest { MerchantId = counter.MerchantId })).Items.Single(i => i.ItemId == counter.ItemId);
        Assert.Equal((0L, 0L, 30L), (item.Available, item.Reserved, item.Sold));
        var balances = new List<long>();
        foreach (var (id, _) in customers)
        {
            var member = again.As(id, new RoleGrant(Role.Member, id));
            var balance = await member.Points.GetBalanceAsync(new GetBalanceRequest());
            var ledger = await member.Points.ListLedgerAsync(new ListLedgerRequest { PageSize = 100 });
            Assert.Equal(ledger.Entries.Sum(e => e.Amount), balance.Balance);
            Assert.Equal(0, balance.Held);
            balances.Add(balance.Balance);
        }

        Assert.Equal(30, balances.Count(b => b == 15));
        var report = await again.Admin.Points.CheckLedgerConsistencyAsync(new CheckLedgerConsistencyRequest { ParkId = seed.Park });
        Assert.Empty(report.Differences);
    }
}
