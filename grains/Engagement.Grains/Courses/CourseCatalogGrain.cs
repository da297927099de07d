namespace Engagement;

[GrainType("course-catalog")]
public sealed class CourseCatalogGrain(
    [PersistentState("course-catalog", StorageNames.Main)] IPersistentState<RosterState> courses) : EngagementGrain, ICourseCatalogGrain
{
    public Task AddAsync(string courseId, CancellationToken cancellationToken = default) => Roster.AddAsync(this, courses, courseId);

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(courses.State.Ids);
}
