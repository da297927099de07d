namespace Engagement;

/// <summary>The notices of one audience, keyed by <see cref="NoticeBoards.Key"/> (e.g. "branch:zj-ic-1").</summary>
[Alias("engagement.INoticeBoardGrain")]
public interface INoticeBoardGrain : IGrainWithStringKey, IWatchable<Notice>
{
    /// <summary>
    /// Publishes a notice. Park: park admins; committee: its leaders or park admins; branch: its secretary, its
    /// committee's leaders or park admins. A retry with the same key returns the first notice.
    /// </summary>
    Task<Notice> PublishAsync(Caller caller, NoticeDraft draft, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// The kept notices newest first with their read counts, for those who may publish to the audience: up to
    /// <paramref name="pageSize"/> older than the notice numbered <paramref name="before"/> (null: the newest).
    /// </summary>
    [AlwaysInterleave]
    Task<SentNoticesPage> ListSentAsync(Caller caller, int pageSize, long? before, CancellationToken cancellationToken = default);
}
