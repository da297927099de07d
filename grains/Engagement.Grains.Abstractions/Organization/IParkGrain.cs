namespace Engagement;

/// <summary>A park (the tenant), keyed by park id.</summary>
[Alias("engagement.IParkGrain")]
public interface IParkGrain : IGrainWithStringKey
{
    /// <summary>Creates the park; a retry with the same key returns the first result. Needs park-admin of this park.</summary>
    Task<ParkInfo> CreateAsync(Caller caller, string name, string timeZone, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Reads the park for a client. Needs park-admin of this park.</summary>
    Task<ParkInfo> GetAsync(Caller caller, CancellationToken cancellationToken = default);

    /// <summary>Reads the park for other grains; NotFound if it was never created.</summary>
    Task<ParkInfo> GetInfoAsync(CancellationToken cancellationToken = default);
}
