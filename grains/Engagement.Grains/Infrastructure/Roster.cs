namespace Engagement;

internal static class Roster
{
    /// <summary>Adds an id once; a repeated add (a retried registration) writes nothing.</summary>
    public static async Task AddAsync(EngagementGrain grain, IPersistentState<RosterState> roster, string id)
    {
        if (roster.State.Ids.Contains(id, StringComparer.Ordinal))
        {
            return;
        }

        roster.State.Ids.Add(id);
        await grain.SaveAsync(roster);
    }

    /// <summary>Removes an id; a repeated remove writes nothing.</summary>
    public static async Task RemoveAsync(EngagementGrain grain, IPersistentState<RosterState> roster, string id)
    {
        if (roster.State.Ids.RemoveAll(i => string.Equals(i, id, StringComparison.Ordinal)) == 0)
        {
            return;
        }

        await grain.SaveAsync(roster);
    }
}
