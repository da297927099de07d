namespace Engagement;

/// <summary>
/// Who holds which office (key 0: one directory for the deployment; offices change rarely). A role held here works
/// in addition to the roles a person's token carries: gateways add it to every call of that subject.
/// </summary>
[Alias("engagement.IOfficerDirectoryGrain")]
public interface IOfficerDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Appoints <paramref name="subject"/> to <paramref name="grant"/> (secretary of a branch, leader of a committee, admin of the park) in its
    /// park. Park admins of the park; audited; appointing someone to an office they hold returns it unchanged.
    /// </summary>
    Task<Officer> AppointAsync(Caller caller, string parkId, string subject, string displayName, RoleGrant grant, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Ends an office (OFFICER_NOT_FOUND when not held). Park admins of the park, not on themselves; audited.</summary>
    Task<Officer> RevokeAsync(Caller caller, string parkId, string subject, RoleGrant grant, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>The offices of a park (all, or those over <paramref name="scopeId"/>). Park admins; a secretary or leader of that scope.</summary>
    Task<IReadOnlyList<Officer>> ListAsync(Caller caller, string parkId, string? scopeId, CancellationToken cancellationToken = default);

    /// <summary>Every office when the directory changed since <paramref name="knownVersion"/>, else null (gateways poll it).</summary>
    [AlwaysInterleave]
    Task<OfficerList?> ChangedSinceAsync(long knownVersion, CancellationToken cancellationToken = default);
}
