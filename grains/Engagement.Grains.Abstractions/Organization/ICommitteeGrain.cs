namespace Engagement;

/// <summary>A committee (产业集群党委 / 综合党委), keyed by committee id.</summary>
[Alias("engagement.ICommitteeGrain")]
public interface ICommitteeGrain : IGrainWithStringKey
{
    /// <summary>Creates the committee in a park; a retry with the same key returns the first result. Needs park-admin.</summary>
    Task<CommitteeInfo> CreateAsync(Caller caller, string parkId, string name, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Reads the committee for other grains; NotFound if it was never created.</summary>
    Task<CommitteeInfo> GetInfoAsync(CancellationToken cancellationToken = default);
}
