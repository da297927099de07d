namespace Engagement;

/// <summary>Bulk registration of a branch's roster from CSV, keyed by branch id.</summary>
[Alias("engagement.IRosterImportGrain")]
public interface IRosterImportGrain : IGrainWithStringKey
{
    /// <summary>
    /// Validates every row, then registers the members through the member registration (key derived from
    /// <paramref name="idempotencyKey"/>). Any bad row rejects the whole import (InvalidArgument, one violation per
    /// problem named <c>rows[line].column</c>) unless <paramref name="importValidRows"/>; then the good rows are
    /// imported and the bad ones reported. Needs the branch's secretary or a park admin.
    /// </summary>
    Task<RosterImportResult> ImportAsync(Caller caller, string csv, bool importValidRows, string idempotencyKey, CancellationToken cancellationToken = default);
}
