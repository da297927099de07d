namespace Engagement;

/// <summary>Puts branch-days together into the figures of a branch or a committee (stateless; key 0).</summary>
[Alias("engagement.IAnalyticsGrain")]
public interface IAnalyticsGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// A branch's figures for park-local days <paramref name="from"/>..<paramref name="to"/> (null: the last 30 days
    /// up to today). The branch's secretary, leaders of its committee, park admins.
    /// </summary>
    Task<ActivityReport> GetBranchAsync(Caller caller, string branchId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default);

    /// <summary>A committee's figures over its branches, with each branch's own. Its leaders and park admins.</summary>
    Task<CommitteeReport> GetCommitteeAsync(Caller caller, string committeeId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default);
}
