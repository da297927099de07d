namespace Engagement;

/// <summary>
/// The organisation's reads for clients (stateless; key 0): branches, committees, merchants and rosters, each checked
/// against the caller. Lists are ordered by id and paged by a cursor: the id (for rosters "branch/member") of the last
/// item of the previous page; a page is followed by another only when more items match.
/// </summary>
[Alias("engagement.IOrganizationReaderGrain")]
public interface IOrganizationReaderGrain : IGrainWithIntegerKey
{
    /// <summary>A branch: those who oversee it (secretary, committee leaders, park admins) and its own members.</summary>
    Task<BranchInfo> GetBranchAsync(Caller caller, string branchId, CancellationToken cancellationToken = default);

    /// <summary>A committee: its leaders, park admins, secretaries of its branches and its members.</summary>
    Task<CommitteeInfo> GetCommitteeAsync(Caller caller, string committeeId, CancellationToken cancellationToken = default);

    /// <summary>The committees of a park. Park admins.</summary>
    Task<ListPage<CommitteeInfo>> ListCommitteesAsync(Caller caller, string parkId, int size, string? after, CancellationToken cancellationToken = default);

    /// <summary>The branches of a committee (its leaders, park admins) or of a park (park admins).</summary>
    Task<ListPage<BranchInfo>> ListBranchesAsync(Caller caller, OrganizationScope scope, string scopeId, int size, string? after, CancellationToken cancellationToken = default);

    /// <summary>The merchants of a park with their staff. Park admins.</summary>
    Task<ListPage<MerchantInfo>> ListMerchantsAsync(Caller caller, string parkId, int size, string? after, CancellationToken cancellationToken = default);

    /// <summary>
    /// The members of a branch (its secretary, committee leaders, park admins), a committee (its leaders, park admins)
    /// or a park (park admins) that <paramref name="filter"/> keeps, ordered by branch id, then member id.
    /// </summary>
    Task<ListPage<RosterEntry>> ListMembersAsync(Caller caller, OrganizationScope scope, string scopeId, RosterFilter filter, int size, string? after,
        CancellationToken cancellationToken = default);
}
