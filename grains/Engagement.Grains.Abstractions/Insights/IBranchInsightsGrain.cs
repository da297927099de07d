namespace Engagement;

/// <summary>A branch's outreach lists, keyed by branch id (a stateless worker: it owns nothing).</summary>
[Alias("engagement.IBranchInsightsGrain")]
public interface IBranchInsightsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Roster members with no earning ledger entry (kinds 1–7) in the last <paramref name="inactiveDays"/> park-local
    /// days (1–90), longest inactive first. For the branch's secretary, its committee's leaders and the park's admins.
    /// </summary>
    Task<InactiveMembers> ListInactiveMembersAsync(Caller caller, int inactiveDays, CancellationToken cancellationToken = default);
}
