namespace Engagement;

/// <summary>
/// Answers analytics requests from branch-day grains (no ledger scans): checks the caller, resolves the period in the
/// park's time zone, gathers the days and the rosters' profiles and adds them up.
/// </summary>
[GrainType("analytics"), StatelessWorker]
public sealed class AnalyticsGrain(DomainClock clock) : Grain, IAnalyticsGrain
{
    public async Task<ActivityReport> GetBranchAsync(Caller caller, string branchId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default)
    {
        var branch = await GrainFactory.GetGrain<IBranchGrainInternal>(branchId).GetInfoAsync(cancellationToken);
        await GrainFactory.DemandAsync(caller, caller.Oversees(branch), branch.ParkId, "see this branch's analytics", () => Missing.Branch(branchId), cancellationToken);
        var timeZone = await TimeZoneAsync(branch.ParkId, cancellationToken);
        var (first, last) = Period(from, to, timeZone);
        var (days, roster) = await GatherAsync(branchId, first, last);
        var profiles = await ProfilesAsync(roster.Concat(days.SelectMany(d => d.Members.Select(m => m.MemberId))));
        return ActivityAggregator.Aggregate(branchId, first, last, days, roster, profiles, timeZone);
    }

    public async Task<CommitteeReport> GetCommitteeAsync(Caller caller, string committeeId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default)
    {
        var committee = GrainFactory.GetGrain<ICommitteeGrainInternal>(committeeId);
        var info = await committee.GetInfoAsync(cancellationToken);
        await GrainFactory.DemandAsync(caller, caller.Has(Role.CommitteeLeader, committeeId) || caller.Has(Role.ParkAdmin, info.ParkId), info.ParkId,
            "see this committee's analytics", () => Missing.Committee(committeeId), cancellationToken);
        var timeZone = await TimeZoneAsync(info.ParkId, cancellationToken);
        var (first, last) = Period(from, to, timeZone);
        var branchIds = await committee.ListBranchesAsync(cancellationToken);
        var branches = new List<(BranchInfo Info, IReadOnlyList<BranchDay> Days, IReadOnlyList<string> Roster)>();
        foreach (var branchId in branchIds)
        {
            var (days, roster) = await GatherAsync(branchId, first, last);
            branches.Add((await GrainFactory.GetGrain<IBranchGrainInternal>(branchId).GetInfoAsync(cancellationToken), days, roster));
        }

        var allDays = branches.SelectMany(b => b.Days).ToList();
        var allRoster = branches.SelectMany(b => b.Roster).Distinct(StringComparer.Ordinal).ToList();
        var profiles = await ProfilesAsync(allRoster.Concat(allDays.SelectMany(d => d.Members.Select(m => m.MemberId))));
        var whole = ActivityAggregator.Aggregate(committeeId, first, last, allDays, allRoster, profiles, timeZone);
        var each = branches.Select(b => new BranchReport(b.Info.Name,
            ActivityAggregator.Aggregate(b.Info.BranchId, first, last, b.Days, b.Roster, profiles, timeZone) with { MemberRows = [] })).ToList();
        return new CommitteeReport(whole, each);
    }

    /// <summary>
    /// The period asked for, defaulted and checked: at most <see cref="ActivityKeys.MaxDays"/> days, none after today,
    /// none before <see cref="ActivityKeys.EarliestDay"/> (a default start is not moved before it).
    /// </summary>
    private (DateOnly From, DateOnly To) Period(DateOnly? from, DateOnly? to, string timeZone)
    {
        var today = ParkClock.DayOf(clock.UtcNow, timeZone);
        var earliest = ActivityKeys.EarliestDay;
        var last = to ?? today;
        var violations = new List<FieldViolation>();
        if (last > today)
        {
            violations.Add(new FieldViolation("to_day", $"is after today ({ActivityAggregator.Format(today)} in the park)"));
        }
        else if (last < earliest)
        {
            violations.Add(new FieldViolation("to_day", $"is before {ActivityAggregator.Format(earliest)}, the first day analytics cover"));
        }

        var first = from ?? (last.DayNumber - earliest.DayNumber < ActivityKeys.DefaultDays ? (last < earliest ? last : earliest) : last.AddDays(1 - ActivityKeys.DefaultDays));
        if (first > last)
        {
            violations.Add(new FieldViolation("from_day", "is after to_day"));
        }
        else if (last.DayNumber - first.DayNumber + 1 > ActivityKeys.MaxDays)
        {
            violations.Add(new FieldViolation("from_day", $"makes the period longer than {ActivityKeys.MaxDays} days"));
        }
        else if (from < earliest)
        {
            violations.Add(new FieldViolation("from_day", $"is before {ActivityAggregator.Format(earliest)}, the first day analytics cover"));
        }

        return violations.Count > 0 ? throw EngagementException.InvalidArgument(violations) : (first, last);
    }

    private async Task<(IReadOnlyList<BranchDay> Days, IReadOnlyList<string> Roster)> GatherAsync(string branchId, DateOnly from, DateOnly to)
    {
        var roster = await GrainFactory.GetGrain<IBranchGrainInternal>(branchId).ListMembersAsync();
        var days = await Task.WhenAll(Enumerable.Range(0, to.DayNumber - from.DayNumber + 1)
            .Select(i => GrainFactory.GetGrain<IBranchDayGrain>(ActivityKeys.BranchDay(branchId, from.AddDays(i))).GetAsync()));
        return (days, roster);
    }

    private async Task<Dictionary<string, MemberProfile>> ProfilesAsync(IEnumerable<string> memberIds)
    {
        var profiles = new Dictionary<string, MemberProfile>(StringComparer.Ordinal);
        foreach (var chunk in memberIds.Distinct(StringComparer.Ordinal).Chunk(64))
        {
            foreach (var profile in await Task.WhenAll(chunk.Select(m => GrainFactory.GetGrain<IMemberGrainInternal>(m).GetMembershipAsync())))
            {
                profiles[profile.MemberId] = profile;
            }
        }

        return profiles;
    }

    private async Task<string> TimeZoneAsync(string parkId, CancellationToken cancellationToken) =>
        (await GrainFactory.GetGrain<IParkGrainInternal>(parkId).GetInfoAsync(cancellationToken)).TimeZone;
}
