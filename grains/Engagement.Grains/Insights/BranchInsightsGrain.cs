namespace Engagement;

/// <summary>
/// A branch's inactive members: for each roster member, the newest earning ledger entry within 90 days (reading
/// each ledger from its newest entry back and stopping early), compared with the days asked for.
/// </summary>
[StatelessWorker]
[GrainType("branch-insights")]
public sealed class BranchInsightsGrain(DomainClock clock) : Grain, IBranchInsightsGrain
{
    /// <summary>Members probed at once: enough to hide latency, few enough not to flood a silo.</summary>
    private const int Parallel = 16;

    public async Task<InactiveMembers> ListInactiveMembersAsync(Caller caller, int inactiveDays, CancellationToken cancellationToken = default)
    {
        var branchGrain = GrainFactory.GetGrain<IBranchGrainInternal>(this.GetPrimaryKeyString());
        var branch = await branchGrain.GetInfoAsync(cancellationToken);
        await GrainFactory.DemandAsync(caller, caller.Oversees(branch), branch.ParkId, "list this branch's inactive members",
            () => Missing.Branch(branch.BranchId), cancellationToken);
        if (inactiveDays is < 1 or > InsightsLimits.MaxInactiveDays)
        {
            throw EngagementException.InvalidArgument("inactive_days", $"must be between 1 and {InsightsLimits.MaxInactiveDays}");
        }

        var timeZone = (await GrainFactory.GetGrain<IParkGrainInternal>(branch.ParkId).GetInfoAsync(cancellationToken)).TimeZone;
        var now = clock.UtcNow;
        var today = ParkClock.DayOf(now, timeZone);
        var roster = await branchGrain.ListMembersAsync(cancellationToken);
        var found = new List<InactiveMember>(roster.Count);
        foreach (var chunk in roster.Chunk(Parallel))
        {
            found.AddRange(await Task.WhenAll(chunk.Select(id => ProbeAsync(id, now, today, timeZone, cancellationToken))));
        }

        var inactive = found.Where(m => m.DaysInactive >= inactiveDays)
            .OrderByDescending(m => m.DaysInactive)
            .ThenBy(m => m.LastActiveAt is null ? 0 : 1)
            .ThenBy(m => m.MemberId, StringComparer.Ordinal)
            .ToList();
        return new InactiveMembers(branch.BranchId, inactiveDays, today, roster.Count, inactive);
    }

    private async Task<InactiveMember> ProbeAsync(string memberId, DateTimeOffset now, DateOnly today, string timeZone, CancellationToken cancellationToken)
    {
        var member = GrainFactory.GetGrain<IMemberGrainInternal>(memberId);
        var profile = await member.GetMembershipAsync(cancellationToken);
        var last = await LastActivity.FindAsync(member, now.AddDays(-InsightsLimits.InactivityScanDays), cancellationToken);
        // Without an earning entry in the scanned 90 days: inactive since registration, counted up to 90.
        var since = ParkClock.DayOf(last ?? profile.RegisteredAt, timeZone);
        var days = Math.Min(today.DayNumber - since.DayNumber, last is null ? InsightsLimits.InactivityScanDays : int.MaxValue);
        return new InactiveMember(memberId, profile.DisplayName, profile.Phone, last, Math.Max(0, days), profile.Verified, profile.Active);
    }
}
