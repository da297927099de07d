namespace Engagement;

/// <summary>A member's view of their park's courses, keyed by member id. Holds no state of its own.</summary>
[Alias("engagement.IMemberCoursesGrain")]
public interface IMemberCoursesGrain : IGrainWithStringKey
{
    /// <summary>
    /// The park's courses, oldest first, each with the member's progress. Readable by the member, their branch
    /// secretary, their committee's leaders and their park's admins.
    /// </summary>
    Task<IReadOnlyList<MemberCourse>> ListAsync(Caller caller, CancellationToken cancellationToken = default);
}
