namespace Engagement.Tests;

/// <summary>
/// The grain-to-grain side of branches, courses, events, notice boards and leaderboards (their <c>…Internal</c> interfaces in the
/// grains assembly) called on the references the tests hold, as <see cref="MemberInternals"/> does for members.
/// </summary>
public static class GrainInternals
{
    public static Task<IReadOnlyList<string>> ListMembersAsync(this IBranchGrain branch, CancellationToken cancellationToken = default) =>
        branch.AsReference<IBranchGrainInternal>().ListMembersAsync(cancellationToken);

    public static Task<CourseInfo> GetInfoAsync(this ICourseGrain course, CancellationToken cancellationToken = default) =>
        course.AsReference<ICourseGrainInternal>().GetInfoAsync(cancellationToken);

    public static Task<MemberEventView> GetMemberViewAsync(this IEventGrain @event, string memberId, CancellationToken cancellationToken = default) =>
        @event.AsReference<IEventGrainInternal>().GetMemberViewAsync(memberId, cancellationToken);

    public static Task<IReadOnlyList<Notice>> ListAsync(this INoticeBoardGrain board, CancellationToken cancellationToken = default) =>
        board.AsReference<INoticeBoardGrainInternal>().ListAsync(cancellationToken);

    public static Task ApplyAsync(this ILeaderboardGrain board, LedgerEntry entry, long? previousRanked = null) =>
        board.AsReference<ILeaderboardGrainInternal>().ApplyAsync(entry, previousRanked);

    public static Task<int> ReconcileAsync(this ILeaderboardGrain board) =>
        board.AsReference<ILeaderboardGrainInternal>().ReconcileAsync();
}
