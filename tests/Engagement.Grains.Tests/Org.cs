using System.Collections.Immutable;

namespace Engagement.Tests;

/// <summary>A park with one committee and one branch, created with fresh ids, and the callers that act in it.</summary>
public sealed class Org(IGrainFactory grains)
{
    private static int _counter;

    public string Park { get; } = Next("park");
    public string Committee { get; } = Next("com");
    public string Branch { get; } = Next("br");

    public Caller Admin => As("admin", new RoleGrant(Role.ParkAdmin, Park));
    public Caller Secretary => As("sec", new RoleGrant(Role.Secretary, Branch));

    public static string Next(string prefix) => $"{prefix}-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid():N}"[..30];

    public static Caller As(string subject, params RoleGrant[] grants) => new(subject, [.. grants]);

    public static Caller MemberCaller(string memberId) => new(memberId, ImmutableArray.Create(new RoleGrant(Role.Member, memberId)));

    public async Task<Org> CreateAsync(string timeZone = ParkClock.DefaultTimeZone)
    {
        await grains.GetGrain<IParkGrain>(Park).CreateAsync(Admin, "Park", timeZone, Next("k"));
        await grains.GetGrain<ICommitteeGrain>(Committee).CreateAsync(Admin, Park, "Committee", Next("k"));
        await grains.GetGrain<IBranchGrain>(Branch).CreateAsync(Admin, Committee, "Branch", Next("k"));
        return this;
    }

    /// <summary>Registers a member in the branch, verified unless told otherwise; returns its grain.</summary>
    public async Task<IMemberGrain> MemberAsync(bool verified = true)
    {
        var id = Next("m");
        var member = grains.GetGrain<IMemberGrain>(id);
        await member.RegisterAsync(Admin, new MemberRegistration(Branch, "张三", ""), Next("k"));
        if (verified)
        {
            await member.VerifyAsync(Secretary, Next("k"));
        }

        return member;
    }
}
