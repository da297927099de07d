namespace Engagement;

public static partial class ErrorReasons
{
    public const string CourseNotFound = "COURSE_NOT_FOUND";
    public const string CourseExists = "COURSE_ALREADY_EXISTS";
    public const string EpisodeNotFound = "EPISODE_NOT_FOUND";
}
