namespace Engagement;

[GrainType("course")]
public sealed class CourseGrain(
    [PersistentState("course", StorageNames.Main)] IPersistentState<EntityState<CourseInfo>> state,
    DomainClock clock) : EngagementGrain, ICourseGrain, ICourseGrainInternal
{
    private string CourseId => this.GetPrimaryKeyString();

    public async Task<CourseInfo> CreateAsync(Caller caller, NewCourse course, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        if (!caller.Has(Role.ParkAdmin, course.ParkId))
        {
            await GrainFactory.GetGrain<IParkGrainInternal>(course.ParkId).GetInfoAsync(cancellationToken);
            throw await GrainFactory.RefusalAsync(caller, course.ParkId, "create courses in this park", () => Missing.Park(course.ParkId), cancellationToken);
        }

        // The same key from another park's admin is not a retry of that park's creation.
        var request = RequestHash.Of(course);
        var info = CreateOnce.Existing(state, idempotencyKey, request, c => c.ParkId == course.ParkId, ErrorReasons.CourseExists, $"Course '{CourseId}'");
        if (info is null)
        {
            CheckShape(course);
            await GrainFactory.GetGrain<IParkGrainInternal>(course.ParkId).GetInfoAsync(cancellationToken);
            info = new CourseInfo(CourseId, course.ParkId, course.Title, course.Description, [.. course.Tags], [.. course.Episodes], clock.UtcNow);
            CreateOnce.Create(state, info, idempotencyKey, request);
            await SaveAsync(state);
        }

        // Also on a retry: the catalogue entry may be what a crash lost.
        await GrainFactory.GetGrain<ICourseCatalogGrain>(info.ParkId).AddAsync(CourseId, cancellationToken);
        await AuditTrail.AppendInParkAsync(GrainFactory, new AuditRecord(info.CreatedAt, caller.Subject, "create-course", CourseId,
            $"{info.Title} ({info.Episodes.Count} episodes)", info.ParkId, null), idempotencyKey);
        return info;
    }

    public async Task<CourseInfo> GetAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var info = await GetInfoAsync(cancellationToken);
        await GrainFactory.RequireInParkAsync(caller, info.ParkId, () => Missing.Course(CourseId), cancellationToken);
        return info;
    }

    public Task<CourseInfo> GetInfoAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State.Info ?? throw Missing.Course(CourseId));

    /// <summary>The invariants progress counting relies on (the gateway has checked every field already).</summary>
    private static void CheckShape(NewCourse course)
    {
        if (course.Episodes.Count is 0 or > CourseLimits.MaxEpisodes)
        {
            throw EngagementException.InvalidArgument("episodes", $"must hold 1-{CourseLimits.MaxEpisodes} episodes");
        }

        if (course.Episodes.Any(e => e.DurationSeconds is < CourseLimits.MinEpisodeSeconds or > CourseLimits.MaxEpisodeSeconds))
        {
            throw EngagementException.InvalidArgument("episodes.duration_seconds",
                $"must be between {CourseLimits.MinEpisodeSeconds} and {CourseLimits.MaxEpisodeSeconds}");
        }

        if (course.Episodes.Select(e => e.EpisodeId).Distinct(StringComparer.Ordinal).Count() != course.Episodes.Count)
        {
            throw EngagementException.InvalidArgument("episodes.episode_id", "must be distinct within the course");
        }
    }
}
