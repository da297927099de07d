using Engagement.V1;
using Grpc.Core;

namespace Engagement.Gateway;

/// <summary>Online courses: creation, the member's list with progress, and playback progress reports.</summary>
public sealed class CourseService(IGrainFactory grains) : V1.CourseService.CourseServiceBase
{
    public override async Task<CreateCourseResponse> CreateCourse(CreateCourseRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var validator = new RequestValidator().Id("park_id", request.ParkId).Id("course_id", request.CourseId).IdempotencyKey(request.IdempotencyKey);
        var course = request.ToDomain(validator);
        validator.ThrowIfInvalid();
        var info = await grains.GetGrain<ICourseGrain>(request.CourseId).CreateAsync(caller, course, request.IdempotencyKey, context.CancellationToken);
        return new CreateCourseResponse { Course = info.ToProto() };
    }

    public override async Task<GetCourseResponse> GetCourse(GetCourseRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        new RequestValidator().Id("course_id", request.CourseId).ThrowIfInvalid();
        var info = await grains.GetGrain<ICourseGrain>(request.CourseId).GetAsync(caller, context.CancellationToken);
        return new GetCourseResponse { Course = info.ToProto() };
    }

    public override async Task<ListCoursesResponse> ListCourses(ListCoursesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var memberId = caller.MemberIdOr(request.MemberId);
        new RequestValidator().Id("member_id", memberId).ThrowIfInvalid();
        var courses = await grains.GetGrain<IMemberCoursesGrain>(memberId).ListAsync(caller, context.CancellationToken);
        return courses.ToProto(memberId);
    }

    public override async Task<ReportProgressResponse> ReportProgress(ReportProgressRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var memberId = caller.MemberIdOr(request.MemberId);
        // The upper bound is the episode's length, which only the grain knows.
        new RequestValidator().Id("member_id", memberId).Id("course_id", request.CourseId).Id("episode_id", request.EpisodeId)
            .Range("position_seconds", request.PositionSeconds, 0, CourseLimits.MaxEpisodeSeconds)
            .IdempotencyKey(request.IdempotencyKey).ThrowIfInvalid();
        var result = await grains.GetGrain<ICourseProgressGrain>(CourseKeys.Progress(memberId, request.CourseId))
            .ReportAsync(caller, request.EpisodeId, request.PositionSeconds, request.IdempotencyKey, context.CancellationToken);
        return result.ToProto();
    }
}
