namespace Engagement;

/// <summary>
/// What other grains ask of a course without a caller: the course itself.
/// It lives in the grains assembly, so the gateway (which references only the abstractions) cannot call it.
/// Implemented by the same grain as <see cref="ICourseGrain"/>.
/// </summary>
[Alias("engagement.ICourseGrainInternal")]
public interface ICourseGrainInternal : IGrainWithStringKey
{
    /// <summary>Reads the course for other grains; NotFound if it was never created.</summary>
    [AlwaysInterleave]
    Task<CourseInfo> GetInfoAsync(CancellationToken cancellationToken = default);
}
