using Engagement.V1;
using Grpc.Net.Client;
using Microsoft.IdentityModel.Tokens;

namespace Engagement.EndToEnd;

/// <summary>A park, committee and branch created through the gateway with fresh ids, and tokens for those who act in it.</summary>
public sealed class Seed
{
    private static int _counter;

    private readonly GrpcChannel _channel;
    private readonly SecurityKey _key;

    private Seed(GrpcChannel channel, SecurityKey key)
    {
        _channel = channel;
        _key = key;
    }

    public string Park { get; private init; } = Next("park");

    public string Committee { get; private init; } = Next("com");

    public string Branch { get; private init; } = Next("br");

    public Api Admin => As("admin", new RoleGrant(Role.ParkAdmin, Park));

    public Api Secretary => As("secretary", new RoleGrant(Role.Secretary, Branch));

    public static string Next(string prefix) => $"{prefix}-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid():N}"[..24];

    public static Task<Seed> CreateAsync(TestNode node, string timeZone = "Asia/Shanghai") => CreateAsync(node.Channel, node.Key, timeZone);

    public static async Task<Seed> CreateAsync(GrpcChannel channel, SecurityKey key, string timeZone = "Asia/Shanghai")
    {
        var seed = new Seed(channel, key);
        await seed.Admin.Organization.CreateParkAsync(new CreateParkRequest { ParkId = seed.Park, Name = "张江园区", TimeZone = timeZone, IdempotencyKey = Next("k") });
        await seed.Admin.Organization.CreateCommitteeAsync(new CreateCommitteeRequest { ParkId = seed.Park, CommitteeId = seed.Committee, Name = "集成电路产业集群党委", IdempotencyKey = Next("k") });
        await seed.Admin.Organization.CreateBranchAsync(new CreateBranchRequest { CommitteeId = seed.Committee, BranchId = seed.Branch, Name = "第一党支部", IdempotencyKey = Next("k") });
        return seed;
    }

    /// <summary>Registers (and by default verifies) a member; returns their id and their own clients.</summary>
    public async Task<(string Id, Api Api)> MemberAsync(bool verified = true)
    {
        var id = Next("m");
        await Secretary.Organization.RegisterMemberAsync(new RegisterMemberRequest { BranchId = Branch, MemberId = id, DisplayName = "王小明", Phone = "13800000000", IdempotencyKey = Next("k") });
        if (verified)
        {
            await Secretary.Organization.VerifyMemberAsync(new VerifyMemberRequest { MemberId = id, IdempotencyKey = Next("k") });
        }

        return (id, As(id, new RoleGrant(Role.Member, id)));
    }

    /// <summary>Another branch of the same committee ("第二党支部") and its secretary.</summary>
    public async Task<(string Branch, Api Secretary)> SecondBranchAsync()
    {
        var branch = Next("br");
        await Admin.Organization.CreateBranchAsync(new CreateBranchRequest { CommitteeId = Committee, BranchId = branch, Name = "第二党支部", IdempotencyKey = Next("k") });
        return (branch, As("secretary-2", new RoleGrant(Role.Secretary, branch)));
    }

    /// <summary>The same park, committee and branch, reached through another channel (e.g. a restarted node).</summary>
    public static Seed Reattach(Seed seed, GrpcChannel channel, SecurityKey key) =>
        new(channel, key) { Park = seed.Park, Committee = seed.Committee, Branch = seed.Branch };

    public Api As(string subject, params RoleGrant[] grants) => Api.For(_channel, Api.Token(_key, subject, grants));
}
