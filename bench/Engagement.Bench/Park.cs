using System.Globalization;
using Engagement.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Engagement.Bench;

/// <summary>A park seeded through the public API: one committee, branches of 100 members, all verified.</summary>
public sealed class Park
{
    private const int BranchSize = 100;

    private Park(string id, string adminToken, IReadOnlyList<string> members)
    {
        Id = id;
        AdminToken = adminToken;
        Members = members;
    }

    public string Id { get; }

    /// <summary>The park's one committee.</summary>
    public string CommitteeId => $"{Id}-c";

    public string AdminToken { get; }

    public IReadOnlyList<string> Members { get; }

    public static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };

    public static async Task<Park> SeedAsync(GrpcChannel channel, Tokens tokens, int members, int concurrency)
    {
        var run = DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
        var park = $"bench-{run}";
        var admin = Bearer(tokens.Mint("bench-admin", $"park-admin:{park}"));
        var organization = new OrganizationService.OrganizationServiceClient(channel);
        await organization.CreateParkAsync(new CreateParkRequest { ParkId = park, Name = "基准测试园区", IdempotencyKey = park }, admin);
        await organization.CreateCommitteeAsync(new CreateCommitteeRequest { ParkId = park, CommitteeId = $"{park}-c", Name = "基准党委", IdempotencyKey = park }, admin);
        var branches = (members + BranchSize - 1) / BranchSize;
        for (var b = 0; b < branches; b++)
        {
            await organization.CreateBranchAsync(new CreateBranchRequest { CommitteeId = $"{park}-c", BranchId = $"{park}-b{b}", Name = $"第{b + 1}支部", IdempotencyKey = park }, admin);
        }

        var ids = Enumerable.Range(0, members).Select(i => $"{park}-m{i}").ToArray();
        var done = 0;
        var (recorder, _) = await Load.RunAsync(concurrency, TimeSpan.FromHours(1), members, async n =>
        {
            var id = ids[n];
            await organization.RegisterMemberAsync(new RegisterMemberRequest
            {
                BranchId = $"{park}-b{n / BranchSize}", MemberId = id, DisplayName = $"党员{n}", IdempotencyKey = id,
            }, admin);
            await organization.VerifyMemberAsync(new VerifyMemberRequest { MemberId = id, IdempotencyKey = id }, admin);
            var count = Interlocked.Increment(ref done);
            if (count % Math.Max(1, members / 50) == 0 || count == members)
            {
                Console.Error.Write($"\rseeding: {count}/{members} members [{new string('#', count * 30 / members),-30}]");
            }
        });
        Console.Error.WriteLine();
        var result = recorder.Result("seed", TimeSpan.FromSeconds(1));
        return result.Errors.Count == 0
            ? new Park(park, admin.GetValue("authorization")![7..], ids)
            : throw new InvalidOperationException("Seeding failed: " + string.Join(", ", result.Errors.Select(e => $"{e.Key}={e.Value}")));
    }
}
