using Google.Protobuf.WellKnownTypes;

namespace Engagement.Gateway;

/// <summary>Course records to wire messages.</summary>
public static class CourseMapping
{
    public static V1.Course ToProto(this CourseInfo course)
    {
        var proto = new V1.Course
        {
            CourseId = course.CourseId,
            ParkId = course.ParkId,
            Title = course.Title,
            Description = course.Description,
            CreateTime = Timestamp.FromDateTimeOffset(course.CreatedAt),
        };
        proto.Tags.AddRange(course.Tags);
        proto.Episodes.AddRange(course.Episodes.Select(e => new V1.Episode { EpisodeId = e.EpisodeId, Title = e.Title, DurationSeconds = e.DurationSeconds }));
        return proto;
    }

    public static V1.CourseProgress ToProto(this CourseProgress progress)
    {
        var proto = new V1.CourseProgress
        {
            EpisodesWatched = progress.EpisodesWatched,
            EpisodesTotal = progress.EpisodesTotal,
            Completed = progress.Completed,
            CompleteTime = progress.CompletedAt is { } completed ? Timestamp.FromDateTimeOffset(completed) : null,
        };
        proto.Episodes.AddRange(progress.Episodes.Select(e => new V1.EpisodeProgress
        {
            EpisodeId = e.EpisodeId,
            Watched = e.Watched,
            CoveredSeconds = e.CoveredSeconds,
            Percent = e.Percent,
        }));
        return proto;
    }

    public static V1.ListCoursesResponse ToProto(this IReadOnlyList<MemberCourse> courses, string memberId)
    {
        var response = new V1.ListCoursesResponse { MemberId = memberId };
        response.Courses.AddRange(courses.Select(c => new V1.MemberCourse { Course = c.Course.ToProto(), Progress = c.Progress.ToProto() }));
        return response;
    }

    public static V1.ReportProgressResponse ToProto(this ProgressResult result) => new()
    {
        CourseId = result.CourseId,
        EpisodeId = result.EpisodeId,
        DurationSeconds = result.DurationSeconds,
        CoveredSeconds = result.CoveredSeconds,
        AddedSeconds = result.AddedSeconds,
        Percent = result.Percent,
        Watched = result.Watched,
        EpisodeAward = result.EpisodeAward?.ToProto(),
        CourseAward = result.CourseAward?.ToProto(),
        CourseCompleted = result.CourseCompleted,
        EpisodesWatched = result.EpisodesWatched,
        EpisodesTotal = result.EpisodesTotal,
        ReportTime = Timestamp.FromDateTimeOffset(result.ReportedAt),
    };
}
