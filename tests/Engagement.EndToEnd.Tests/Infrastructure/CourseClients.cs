using Engagement.V1;
namespace Engagement.EndToEnd;

/// <summary>CourseService clients for any caller of a test node, and a helper to create courses through the gateway.</summary>
public static class CourseClients
{
    public static CourseService.CourseServiceClient Courses(this TestNode node, string subject, params RoleGrant[] grants) =>
        node.As(node.Token(subject, grants)).Courses;

    public static CourseService.CourseServiceClient MemberCourses(this TestNode node, string memberId) =>
        node.Courses(memberId, new RoleGrant(Role.Member, memberId));

    public static CourseService.CourseServiceClient AdminCourses(this TestNode node, Seed seed) =>
        node.Courses("admin", new RoleGrant(Role.ParkAdmin, seed.Park));

    /// <summary>Creates a course in the seed's park with episodes e1, e2, … of the given lengths (seconds).</summary>
    public static async Task<Course> CreateCourseAsync(this TestNode node, Seed seed, params int[] durations)
    {
        var request = new CreateCourseRequest { ParkId = seed.Park, CourseId = Seed.Next("course"), Title = "学习二十大精神", IdempotencyKey = Seed.Next("k") };
        request.Tags.Add("理论学习");
        request.Episodes.AddRange(durations.Select((d, i) => new Episode { EpisodeId = $"e{i + 1}", Title = $"第{i + 1}讲", DurationSeconds = d }));
        return (await node.AdminCourses(seed).CreateCourseAsync(request)).Course;
    }
}
