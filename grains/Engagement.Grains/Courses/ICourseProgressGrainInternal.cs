namespace Engagement;

/// <summary>
/// What other grains ask of a member's course progress without a caller (the member's course list checked it).
/// It lives in the grains assembly, so the gateway (which references only the abstractions) cannot call it.
/// Implemented by the same grain as <see cref="ICourseProgressGrain"/>.
/// </summary>
[Alias("engagement.ICourseProgressGrainInternal")]
public interface ICourseProgressGrainInternal : IGrainWithStringKey
{
    /// <summary>The progress on <paramref name="course"/> (this grain's course), for other grains (no caller check).</summary>
    Task<CourseProgress> SummarizeAsync(CourseInfo course, CancellationToken cancellationToken = default);
}
