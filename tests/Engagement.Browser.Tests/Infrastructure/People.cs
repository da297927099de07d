using Engagement.V1;

namespace Engagement.Browser;

/// <summary>Members with their own names, registered and verified through gRPC, and awards made through gRPC.</summary>
public static class People
{
    public static async Task<string> MemberAsync(this Seed seed, string name, string? branch = null, Api? secretary = null)
    {
        var id = Seed.Next("m");
        secretary ??= seed.Secretary;
        await secretary.Organization.RegisterMemberAsync(new RegisterMemberRequest { BranchId = branch ?? seed.Branch, MemberId = id, DisplayName = name, IdempotencyKey = Seed.Next("k") });
        await secretary.Organization.VerifyMemberAsync(new VerifyMemberRequest { MemberId = id, IdempotencyKey = Seed.Next("k") });
        return id;
    }

    /// <summary>A secretary's adjustment: earned points that count on the boards and in analytics.</summary>
    public static async Task AwardAsync(this Seed seed, string member, long points, Api? secretary = null) =>
        await (secretary ?? seed.Secretary).Points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = member, Amount = points, Reason = "活动奖励", IdempotencyKey = Seed.Next("k") });
}
