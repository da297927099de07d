namespace Engagement;

[GrainType("member-feed")]
public sealed class MemberFeedGrain(
    [PersistentState("member-feed", StorageNames.Main)] IPersistentState<MemberFeedState> state) : EngagementGrain, IMemberFeedGrain
{
    private string MemberId => this.GetPrimaryKeyString();

    public async Task<FeedPage> ListAsync(Caller caller, int pageSize, string? cursor, CancellationToken cancellationToken = default)
    {
        Caller.Demand(caller.Has(Role.Member, MemberId), "read another member's feed");
        var notices = await NoticesAsync(cancellationToken);
        var start = cursor is null ? 0 : notices.FindIndex(n => n.NoticeId == cursor) + 1;
        if (cursor is not null && start == 0)
        {
            throw EngagementException.InvalidArgument("page_token", "is not a page token of this feed (or its notice is no longer kept)");
        }

        var page = notices.Skip(start).Take(pageSize).ToList();
        var next = start + page.Count < notices.Count ? page[^1].NoticeId : null;
        return new FeedPage([.. page.Select(n => new FeedItem(n, state.State.Read.Contains(n.NoticeId)))], next,
            notices.Count(n => !state.State.Read.Contains(n.NoticeId)));
    }

    public async Task<int> MarkReadAsync(Caller caller, IReadOnlyList<string> noticeIds, CancellationToken cancellationToken = default)
    {
        Caller.Demand(caller.Has(Role.Member, MemberId), "mark another member's feed");
        var notices = await NoticesAsync(cancellationToken);
        var kept = notices.Select(n => n.NoticeId).ToHashSet(StringComparer.Ordinal);
        var read = state.State.Read.Where(kept.Contains).Concat(noticeIds.Where(kept.Contains)).ToHashSet(StringComparer.Ordinal);
        if (!read.SetEquals(state.State.Read))
        {
            var firstReads = read.Except(state.State.Read).ToList();
            state.State.Read = read;
            await SaveAsync(state);
            // Each member's first read is counted once by the board, after it is stored here: a crash between the two
            // loses that one count rather than counting it twice.
            await Task.WhenAll(firstReads.GroupBy(NoticeBoards.BoardOf, StringComparer.Ordinal)
                .Select(b => GrainFactory.GetGrain<INoticeBoardGrainInternal>(b.Key).CountReadsAsync([.. b], cancellationToken)));
        }

        return kept.Count(id => !read.Contains(id));
    }

    public async Task<IReadOnlyList<string>> BoardsAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        Caller.Demand(caller.Has(Role.Member, MemberId), "watch another member's feed");
        return await BoardKeysAsync(cancellationToken);
    }

    private async Task<string[]> BoardKeysAsync(CancellationToken cancellationToken)
    {
        var profile = await GrainFactory.GetGrain<IMemberGrainInternal>(MemberId).GetMembershipAsync(cancellationToken);
        return [NoticeBoards.Key(NoticeAudience.Park, profile.ParkId), NoticeBoards.Key(NoticeAudience.Committee, profile.CommitteeId),
            NoticeBoards.Key(NoticeAudience.Branch, profile.BranchId)];
    }

    /// <summary>The notices of the member's park, committee and branch, newest first.</summary>
    private async Task<List<Notice>> NoticesAsync(CancellationToken cancellationToken)
    {
        var keys = await BoardKeysAsync(cancellationToken);
        var boards = await Task.WhenAll(keys.Select(k => GrainFactory.GetGrain<INoticeBoardGrainInternal>(k).ListAsync(cancellationToken)));
        return [.. boards.SelectMany(b => b.Select((notice, index) => (notice, index)))
            .OrderByDescending(n => n.notice.PublishedAt).ThenByDescending(n => n.index).ThenBy(n => n.notice.NoticeId, StringComparer.Ordinal)
            .Select(n => n.notice)];
    }
}
