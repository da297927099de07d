namespace Engagement;

/// <summary>
/// The figures of a branch or committee for a period. <see cref="MemberRows"/> holds every current member and every
/// member active in the scope during the period; the gateway picks the top and least active from it.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.ActivityReport")]
public sealed record ActivityReport(
    [property: Id(0)] string ScopeId,
    [property: Id(1)] DateOnly From,
    [property: Id(2)] DateOnly To,
    [property: Id(3)] int Members,
    [property: Id(4)] int DeactivatedMembers,
    [property: Id(5)] int ActiveMembers,
    [property: Id(6)] long PointsEarned,
    [property: Id(7)] long PointsAdjusted,
    [property: Id(8)] long PointsSpent,
    [property: Id(9)] long PointsRefunded,
    [property: Id(10)] IReadOnlyList<KindParticipation> Participation,
    [property: Id(11)] IReadOnlyList<MemberActivityRow> MemberRows,
    [property: Id(12)] IReadOnlyList<DayActivityRow> Days,
    [property: Id(13)] IReadOnlyList<WeekActivityRow> Weeks)
{
    public int DayCount => To.DayNumber - From.DayNumber + 1;

    public double ActiveRatio => Members == 0 ? 0 : (double)ActiveMembers / Members;

    public double PointsPerMember => Members == 0 ? 0 : (double)PointsEarned / Members;

    public double AverageDailyActive => Days.Count == 0 ? 0 : (double)Days.Sum(d => d.ActiveMembers) / Days.Count;
}

[GenerateSerializer, Immutable, Alias("engagement.KindParticipation")]
public sealed record KindParticipation(
    [property: Id(0)] LedgerEntryKind Kind,
    [property: Id(1)] int Members,
    [property: Id(2)] long Entries,
    [property: Id(3)] long Points);

/// <summary>
/// One member in a report. <see cref="Current"/>: on the scope's roster now and not deactivated (the least-active
/// list and the ratios count only them). <see cref="New"/>: current and registered within the period.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.MemberActivityRow")]
public sealed record MemberActivityRow(
    [property: Id(0)] string MemberId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string BranchId,
    [property: Id(3)] int ActiveDays,
    [property: Id(4)] long PointsEarned,
    [property: Id(5)] long EarningEntries,
    [property: Id(6)] bool Current,
    [property: Id(7)] DateOnly RegisteredDay,
    [property: Id(8)] bool New);

[GenerateSerializer, Immutable, Alias("engagement.DayActivityRow")]
public sealed record DayActivityRow(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] int ActiveMembers,
    [property: Id(2)] long PointsEarned,
    [property: Id(3)] long EarningEntries);

[GenerateSerializer, Immutable, Alias("engagement.WeekActivityRow")]
public sealed record WeekActivityRow(
    [property: Id(0)] DateOnly WeekStart,
    [property: Id(1)] int ActiveMembers,
    [property: Id(2)] long PointsEarned);

/// <summary>A committee's report and each of its branches' own.</summary>
[GenerateSerializer, Immutable, Alias("engagement.CommitteeReport")]
public sealed record CommitteeReport(
    [property: Id(0)] ActivityReport Committee,
    [property: Id(1)] IReadOnlyList<BranchReport> Branches);

[GenerateSerializer, Immutable, Alias("engagement.BranchReport")]
public sealed record BranchReport([property: Id(0)] string Name, [property: Id(1)] ActivityReport Report);
