using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Engagement;

[GrainType("notice-board")]
public sealed partial class NoticeBoardGrain(
    [PersistentState("notice-board", StorageNames.Main)] IPersistentState<NoticeBoardState> state,
    DomainClock clock,
    IOptions<IdempotencyOptions> idempotency,
    ILogger<NoticeBoardGrain> logger) : EngagementGrain, INoticeBoardGrain, INoticeBoardGrainInternal
{
    private NoticeBoardState S => state.State;

    public async Task<Notice> PublishAsync(Caller caller, NoticeDraft draft, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var (audience, audienceId) = Parse(this.GetPrimaryKeyString());
        var (parkId, timeZone) = await AuthorizeAsync(caller, audience, audienceId, cancellationToken);
        var published = new Idempotency<Notice>(S.Published, $"notice-board/{this.GetPrimaryKeyString()}", GrainFactory, idempotency.Value.Window, clock.UtcNow);
        if (S.Recent.Count > 0)
        {
            published.Adopt(S.Recent.Select(r => (r.Key, (Notice?)r.Value)));
            S.Recent.Clear();
        }

        var request = RequestHash.Of(draft.Title, draft.Body, draft.ImageUrls);
        if ((await published.FindAsync(idempotencyKey, request))?.Result is { } first)
        {
            return first;
        }

        var notice = new Notice($"{this.GetPrimaryKeyString()}/{S.LastSequence + 1}", audience, audienceId, draft.Title, draft.Body,
            draft.ImageUrls, caller.Subject, clock.UtcNow);
        S.LastSequence++;
        S.Notices.Add(notice);
        if (S.Notices.Count > NoticeBoards.Kept)
        {
            S.ReadCounts.Remove(S.Notices[0].NoticeId);
            S.Notices.RemoveAt(0);
        }

        await published.RecordAsync(idempotencyKey, request, notice);

        await SaveAsync(state);
        await AuditTrail.AppendAsync(GrainFactory, timeZone, new AuditRecord(notice.PublishedAt, caller.Subject, "publish-notice", notice.NoticeId,
            notice.Title, parkId, audience == NoticeAudience.Branch ? audienceId : null), idempotencyKey);
        Push(notice);
        return notice;
    }

    public async Task<SentNoticesPage> ListSentAsync(Caller caller, int pageSize, long? before, CancellationToken cancellationToken = default)
    {
        var (audience, audienceId) = Parse(this.GetPrimaryKeyString());
        await AuthorizeAsync(caller, audience, audienceId, cancellationToken);
        var older = S.Notices.Where(n => before is null || NoticeBoards.SequenceOf(n.NoticeId) < before).Reverse().Take(pageSize + 1).ToList();
        var page = older.Take(pageSize).Select(n => new SentNotice(n, S.ReadCounts.GetValueOrDefault(n.NoticeId))).ToList();
        var next = older.Count > pageSize ? NoticeBoards.SequenceOf(page[^1].Notice.NoticeId) : (long?)null;
        return new SentNoticesPage(page, next, await AudienceSizeAsync(audience, audienceId, cancellationToken));
    }

    public async Task CountReadsAsync(IReadOnlyList<string> noticeIds, CancellationToken cancellationToken = default)
    {
        var kept = noticeIds.Where(id => S.Notices.Exists(n => n.NoticeId == id)).ToList();
        if (kept.Count == 0)
        {
            return;
        }

        foreach (var id in kept)
        {
            S.ReadCounts[id] = S.ReadCounts.GetValueOrDefault(id) + 1;
        }

        await SaveAsync(state);
    }

    /// <summary>Members of the audience now: the branch's, the committee's branches', or the park's committees' branches'.</summary>
    private async Task<int> AudienceSizeAsync(NoticeAudience audience, string id, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> committees = audience switch
        {
            NoticeAudience.Park => await GrainFactory.GetGrain<IParkGrainInternal>(id).ListCommitteesAsync(cancellationToken),
            NoticeAudience.Committee => [id],
            _ => [],
        };
        var branches = audience == NoticeAudience.Branch
            ? [id]
            : (await Task.WhenAll(committees.Select(c => GrainFactory.GetGrain<ICommitteeGrainInternal>(c).ListBranchesAsync(cancellationToken)))).SelectMany(b => b).ToList();
        var counts = await Task.WhenAll(branches.Select(b => GrainFactory.GetGrain<IBranchGrainInternal>(b).CountMembersAsync(cancellationToken)));
        return counts.Sum();
    }

    public Task<IReadOnlyList<Notice>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Notice>>(S.Notices);

    private static (NoticeAudience Audience, string Id) Parse(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return (Enum.Parse<NoticeAudience>(key[..colon], ignoreCase: true), key[(colon + 1)..]);
    }

    /// <summary>Checks the publisher's role over the audience; returns the park and its time zone.</summary>
    private async Task<(string ParkId, string TimeZone)> AuthorizeAsync(Caller caller, NoticeAudience audience, string id, CancellationToken cancellationToken)
    {
        string parkId;
        bool allowed;
        Func<EngagementException> notFound;
        switch (audience)
        {
            case NoticeAudience.Branch:
                var branch = await GrainFactory.GetGrain<IBranchGrainInternal>(id).GetInfoAsync(cancellationToken);
                (parkId, allowed, notFound) = (branch.ParkId, caller.Oversees(branch), () => Missing.Branch(id));
                break;
            case NoticeAudience.Committee:
                var committee = await GrainFactory.GetGrain<ICommitteeGrainInternal>(id).GetInfoAsync(cancellationToken);
                (parkId, allowed, notFound) = (committee.ParkId, caller.Has(Role.CommitteeLeader, id) || caller.Has(Role.ParkAdmin, committee.ParkId),
                    () => Missing.Committee(id));
                break;
            default:
                (parkId, allowed, notFound) = (id, caller.Has(Role.ParkAdmin, id), () => Missing.Park(id));
                break;
        }

        var park = await GrainFactory.GetGrain<IParkGrainInternal>(parkId).GetInfoAsync(cancellationToken);
        await GrainFactory.DemandAsync(caller, allowed, parkId, "publish notices to this audience", notFound, cancellationToken);
        return (parkId, park.TimeZone);
    }

    /// <summary>Gateways relaying this board's new notices to members' apps (WatchFeed).</summary>
    private Watchers<Notice>? _watchers;

    /// <summary>Live push to watchers after the notice is durable; a lost push is not a lost notice (the feed lists it).</summary>
    private void Push(Notice notice) => _watchers?.Push(notice);

    /// <summary>A board has no current state to show a new watcher: the feed lists what was published before.</summary>
    public Task<Notice?> WatchAsync(IWatcher<Notice> watcher, CancellationToken cancellationToken = default)
    {
        (_watchers ??= new(logger)).Add(watcher);
        return Task.FromResult<Notice?>(null);
    }

    public Task UnwatchAsync(IWatcher<Notice> watcher, CancellationToken cancellationToken = default)
    {
        _watchers?.Remove(watcher);
        return Task.CompletedTask;
    }
}
