using Engagement.V1;

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
}
