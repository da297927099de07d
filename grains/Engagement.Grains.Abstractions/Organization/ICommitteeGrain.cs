namespace Engagement;

/// <summary>A committee (产业集群党委 / 综合党委), keyed by committee id.</summary>
[Alias("engagement.ICommitteeGrain")]
public interface ICommitteeGrain : IGrainWithStringKey
{
    /// <summary>Creates the committee in a park; a retry with the same key returns the first result. Needs park-admin.</summary>
    Task<CommitteeInfo> CreateAsync(Caller caller, string parkId, string name, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>The rules now and the committee's own versions. Needs park-admin of the park or leader of the committee.</summary>
    Task<RuleSchedule> GetRuleScheduleAsync(Caller caller, CancellationToken cancellationToken = default);

    /// <summary>Overrides the park's rules from <paramref name="effectiveFrom"/>; null <paramref name="newRules"/> withdraws the override. Needs park-admin; audited.</summary>
    Task<RuleSchedule> SetRulesAsync(Caller caller, PointsRules? newRules, DateTimeOffset? effectiveFrom, string idempotencyKey, CancellationToken cancellationToken = default);
}
