using System.Globalization;
using Engagement.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Engagement.Bench;

/// <summary>A park seeded through the public API: one committee, branches of 100 members, all verified.</summary>
public sealed class Park
{
    public const int BranchSize = 100;

    private Park(string id, string adminToken, IReadOnlyList<string> members, DateTimeOffset createdAt)
    {
        Id = id;
        AdminToken = adminToken;
        Members = members;
        CreatedAt = createdAt;
    }

    public string Id { get; }

    public string AdminToken { get; }

    public IReadOnlyList<string> Members { get; }

    /// <summary>The node's clock when the park was created (a test node runs on a fake clock).</summary>
    public DateTimeOffset CreatedAt { get; }

    public string CommitteeId => $"{Id}-c";

    public int Branches => (Members.Count + BranchSize - 1) / BranchSize;

    public string BranchOf(int member) => $"{Id}-b{member / BranchSize}";

    public static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };

    /// <summary>A new run's id (several parks of one run: <c>{RunId()}-p0</c>, <c>-p1</c>, ...).</summary>
    public static string RunId() => $"bench-{DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture)}";

    /// <summary>Seeds a park of <paramref name="members"/> verified members (the id: <paramref name="parkId"/>, else a new run's).</summary>
    public static async Task<Park> SeedAsync(GrpcChannel channel, Tokens tokens, int members, int concurrency, string? parkId = null)
    {
        var park = parkId ?? RunId();
        var admin = Bearer(tokens.Mint("bench-admin", $"park-admin:{park}"));
        var organization = new OrganizationService.OrganizationServiceClient(channel);
        var created = await organization.CreateParkAsync(new CreateParkRequest { ParkId = park, Name = "基准测试园区", IdempotencyKey = park }, admin);
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
                Console.Error.Write($"\rseeding {park}: {count}/{members} members [{new string('#', count * 30 / members),-30}]");
            }
        });
        Console.Error.WriteLine();
        var result = recorder.Result("seed", TimeSpan.FromSeconds(1));
        return result.Errors.Count == 0
            ? new Park(park, admin.GetValue("authorization")![7..], ids, created.Park.CreateTime.ToDateTimeOffset())
            : throw new InvalidOperationException("Seeding failed: " + string.Join(", ", result.Errors.Select(e => $"{e.Key}={e.Value}")));
    }
}
