namespace Engagement;

/// <summary>
/// Gathers a member's course list: the park's catalogue, each course and the member's progress on it. Stateless, so
/// any silo may run as many as the load needs.
/// </summary>
[StatelessWorker]
[GrainType("member-courses")]
public sealed class MemberCoursesGrain : Grain, IMemberCoursesGrain
{
    public async Task<IReadOnlyList<MemberCourse>> ListAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var memberId = this.GetPrimaryKeyString();
        var profile = await GrainFactory.GetGrain<IMemberGrainInternal>(memberId).GetMembershipAsync(cancellationToken);
        await GrainFactory.DemandAsync(caller, caller.Has(Role.Member, memberId) || caller.Has(Role.Secretary, profile.BranchId)
            || caller.Has(Role.CommitteeLeader, profile.CommitteeId) || caller.Has(Role.ParkAdmin, profile.ParkId), profile.ParkId, "read this member's courses",
            () => Missing.Member(memberId), cancellationToken);
        var courseIds = await GrainFactory.GetGrain<ICourseCatalogGrain>(profile.ParkId).ListAsync(cancellationToken);
        return await Task.WhenAll(courseIds.Select(id => WithProgressAsync(memberId, id, cancellationToken)));
    }

    private async Task<MemberCourse> WithProgressAsync(string memberId, string courseId, CancellationToken cancellationToken)
    {
        var course = await GrainFactory.GetGrain<ICourseGrainInternal>(courseId).GetInfoAsync(cancellationToken);
        var progress = await GrainFactory.GetGrain<ICourseProgressGrainInternal>(CourseKeys.Progress(memberId, courseId)).SummarizeAsync(course, cancellationToken);
        return new MemberCourse(course, progress);
    }
}
