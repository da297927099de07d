namespace Engagement;

/// <summary>The course feature's failures, spelled once.</summary>
internal static class CourseErrors
{
    /// <summary>Also for a course of another park: nothing crosses parks, not even the fact that an id is used there.</summary>
    public static EngagementException CourseNotFound(string courseId) => Missing.Course(courseId);

    public static EngagementException EpisodeNotFound(string courseId, string episodeId) =>
        EngagementException.NotFound(ErrorReasons.EpisodeNotFound, $"Course '{courseId}' has no episode '{episodeId}'.");

    public static EngagementException NotVerified() =>
        EngagementException.FailedPrecondition(ErrorReasons.MemberNotVerified,
            "Only real-name verified members can earn points; ask your branch secretary to verify you.");
}
