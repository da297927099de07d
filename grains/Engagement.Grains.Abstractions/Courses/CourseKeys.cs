namespace Engagement;

/// <summary>Grain keys and award keys of the course feature, in one place so every caller spells them alike.</summary>
public static class CourseKeys
{
    /// <summary>The key of a member's <see cref="ICourseProgressGrain"/> for a course. Ids never contain '/'.</summary>
    public static string Progress(string memberId, string courseId) => $"{memberId}/{courseId}";

    /// <summary>Splits a progress key back into member id and course id.</summary>
    public static (string MemberId, string CourseId) ParseProgress(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? (key[..slash], key[(slash + 1)..]) : throw new ArgumentException($"'{key}' is not a course progress key.", nameof(key));
    }

    /// <summary>The ledger reference and award idempotency key of an episode watched through (once per member).</summary>
    public static string EpisodeAward(string courseId, string episodeId) => $"course-episode:{courseId}:{episodeId}";

    /// <summary>The ledger reference and award idempotency key of a completed course (once per member).</summary>
    public static string CourseAward(string courseId) => $"course-completed:{courseId}";
}
