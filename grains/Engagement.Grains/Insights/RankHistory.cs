namespace Engagement;

/// <summary>A member's standing on their branch's and committee's weekly boards, week by week.</summary>
internal static class RankHistory
{
    /// <summary>The ISO weeks touching <paramref name="from"/>..<paramref name="to"/>, the last eight at most, oldest first.</summary>
    public static async Task<IReadOnlyList<WeekRank>> ReadAsync(IGrainFactory grains, MemberProfile member, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var mondays = new List<DateOnly>();
        for (var monday = MondayOf(from); monday <= to; monday = monday.AddDays(7))
        {
            mondays.Add(monday);
        }

        var reader = InsightsAccess.BoardReader(member.ParkId);
        return await Task.WhenAll(mondays.TakeLast(InsightsLimits.MaxRankWeeks).Select(async monday =>
        {
            var week = BoardKeys.PeriodKey(BoardPeriod.Week, monday);
            var branch = Standing(grains, reader, BoardScope.BranchMembers, member.BranchId, week, member.MemberId, cancellationToken);
            var committee = Standing(grains, reader, BoardScope.CommitteeMembers, member.CommitteeId, week, member.MemberId, cancellationToken);
            var (b, c) = (await branch, await committee);
            return new WeekRank(week, monday, b.Entry?.Rank, b.Entry?.Score ?? 0, b.Total, c.Entry?.Rank, c.Entry?.Score ?? 0, c.Total);
        }));
    }

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static Task<BoardStanding> Standing(IGrainFactory grains, Caller reader, BoardScope scope, string scopeId, string week, string memberId, CancellationToken cancellationToken) =>
        grains.Board<ILeaderboardGrain>(BoardKeys.Key(scope, scopeId, week)).AroundAsync(reader, memberId, 0, cancellationToken);
}
