namespace Engagement;

/// <summary>
/// A member's progress on one course, keyed <c>{memberId}/{courseId}</c> (<see cref="CourseKeys.Progress"/>): per
/// episode the covered intervals, the last accepted report, whether it is watched and what was awarded.
/// </summary>
[Alias("engagement.ICourseProgressGrain")]
public interface ICourseProgressGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records the player's position in an episode. Only the member themselves, verified. The stretch since the
    /// previous report counts as covered when it moved forward at no more than 1.5× real time (+2 s); when the
    /// covered part reaches the rules' watched percentage the episode points are awarded once, and when every episode
    /// is watched the course bonus once. A retry with the same key returns the first result.
    /// </summary>
    Task<ProgressResult> ReportAsync(Caller caller, string episodeId, int positionSeconds, string idempotencyKey, CancellationToken cancellationToken = default);
}
