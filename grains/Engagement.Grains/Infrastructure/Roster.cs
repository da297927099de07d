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
}
