namespace Engagement.Tests;

/// <summary>Events and extra branches for the event tests, with fresh ids.</summary>
internal static class EventSetup
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(2);

    /// <summary>A branch event of <paramref name="org"/> starting at <paramref name="start"/>, two hours long.</summary>
    public static EventDraft BranchEvent(Org org, DateTimeOffset start, int capacity = 50, long? points = null, bool streamed = false) =>
        new(org.Branch, null, "党课：新质生产力", "张江科学会堂 201", start, start + Length, capacity, points, streamed);

    public static EventDraft CommitteeEvent(Org org, DateTimeOffset start, bool streamed = false) =>
        new(null, org.Committee, "集群读书会", "园区图书馆", start, start + Length, 100, null, streamed);

    /// <summary>Publishes as the branch secretary; returns the event's grain.</summary>
    public static async Task<IEventGrain> PublishAsync(IGrainFactory grains, Org org, EventDraft draft, Caller? publisher = null)
    {
        var grain = grains.GetGrain<IEventGrain>(Org.Next("ev"));
        await grain.PublishAsync(publisher ?? org.Secretary, draft, Org.Next("k"));
        return grain;
    }

    public static Caller Leader(Org org) => Org.As("leader", new RoleGrant(Role.CommitteeLeader, org.Committee));

    /// <summary>Another branch of the org's committee.</summary>
    public static async Task<string> BranchAsync(IGrainFactory grains, Org org)
    {
        var branchId = Org.Next("br");
        await grains.GetGrain<IBranchGrain>(branchId).CreateAsync(org.Admin, org.Committee, "第二党支部", Org.Next("k"));
        return branchId;
    }

    /// <summary>A verified member of <paramref name="branchId"/> (a branch of the org's park).</summary>
    public static async Task<IMemberGrain> MemberOfAsync(IGrainFactory grains, Org org, string branchId)
    {
        var member = grains.GetGrain<IMemberGrain>(Org.Next("m"));
        await member.RegisterAsync(org.Admin, new MemberRegistration(branchId, "李四", ""), Org.Next("k"));
        await member.VerifyAsync(org.Admin, Org.Next("k"));
        return member;
    }

    public static Caller CallerOf(IMemberGrain member) => Org.MemberCaller(member.GetPrimaryKeyString());

    public static string Id(this IMemberGrain member) => member.GetPrimaryKeyString();
}
