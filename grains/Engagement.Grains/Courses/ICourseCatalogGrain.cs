namespace Engagement;

/// <summary>The course ids of a park in order of creation, keyed by park id.</summary>
[Alias("engagement.ICourseCatalogGrain")]
public interface ICourseCatalogGrain : IGrainWithStringKey
{
    /// <summary>Lists a course (idempotent: a retried creation adds nothing).</summary>
    Task AddAsync(string courseId, CancellationToken cancellationToken = default);

    [AlwaysInterleave]
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default);
}
