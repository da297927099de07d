namespace Engagement;

/// <summary>A course (在线课堂) of a park, keyed by course id: title, description, tags and ordered episodes.</summary>
[Alias("engagement.ICourseGrain")]
public interface ICourseGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the course and lists it in its park's catalogue. Needs park-admin of <see cref="NewCourse.ParkId"/>.
    /// A retry with the same key returns the first result; another key finds the id taken (AlreadyExists).
    /// </summary>
    Task<CourseInfo> CreateAsync(Caller caller, NewCourse course, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Reads the course for a client: anyone with a role inside its park; for others it does not exist.</summary>
    Task<CourseInfo> GetAsync(Caller caller, CancellationToken cancellationToken = default);
}
