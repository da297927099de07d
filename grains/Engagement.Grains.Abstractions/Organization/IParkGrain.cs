namespace Engagement;

/// <summary>A park (the tenant), keyed by park id.</summary>
[Alias("engagement.IParkGrain")]
public interface IParkGrain : IGrainWithStringKey
{
    /// <summary>Creates the park; a retry with the same key returns the first result. Needs park-admin of this park.</summary>
    Task<ParkInfo> CreateAsync(Caller caller, string name, string timeZone, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Reads the park for a client. Needs park-admin of this park.</summary>
    Task<ParkInfo> GetAsync(Caller caller, CancellationToken cancellationToken = default);

    /// <summary>The park's merchants, for its members and admins.</summary>
    Task<IReadOnlyList<string>> BrowseMerchantsAsync(Caller caller, CancellationToken cancellationToken = default);

    /// <summary>The rules now and every version. Needs park-admin.</summary>
    Task<RuleSchedule> GetRuleScheduleAsync(Caller caller, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="count"/> audit records of a park-local month (null: this month) from <paramref name="from"/>
    /// on (null: the first), oldest first, with the month listed and where the next page starts. Park admins see all;
    /// a secretary only their branch's (<paramref name="branchId"/> required). Reads only the audit pages it needs.
    /// </summary>
    Task<AuditSlice> ListAuditAsync(Caller caller, DateOnly? month, string? branchId, AuditCursor? from = null, int count = int.MaxValue,
        CancellationToken cancellationToken = default);

    /// <summary>Schedules new rules from <paramref name="effectiveFrom"/> (not in the past). Needs park-admin; audited.</summary>
    Task<RuleSchedule> SetRulesAsync(Caller caller, PointsRules newRules, DateTimeOffset? effectiveFrom, string idempotencyKey, CancellationToken cancellationToken = default);
}
