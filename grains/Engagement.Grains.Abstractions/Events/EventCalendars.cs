namespace Engagement;

/// <summary>Keys of <see cref="IEventCalendarGrain"/>s: one calendar per branch and one per committee.</summary>
public static class EventCalendars
{
    public static string ForBranch(string branchId) => $"branch:{branchId}";

    public static string ForCommittee(string committeeId) => $"committee:{committeeId}";

    /// <summary>The branch's calendar for a branch event, else the committee's.</summary>
    public static string Key(string? branchId, string committeeId) =>
        branchId is not null ? ForBranch(branchId) : ForCommittee(committeeId);
}
