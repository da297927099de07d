namespace Engagement;

/// <summary>A member's feed of the notices of their park, committee and branch, keyed by member id. Only the member.</summary>
[Alias("engagement.IMemberFeedGrain")]
public interface IMemberFeedGrain : IGrainWithStringKey
{
    /// <summary>Newest first; <paramref name="cursor"/> is a previous page's NextCursor (null: the newest).</summary>
    Task<FeedPage> ListAsync(Caller caller, int pageSize, string? cursor, CancellationToken cancellationToken = default);

    /// <summary>The board keys the member's feed is made of (park, committee, branch), to watch their streams. Only the member.</summary>
    Task<IReadOnlyList<string>> BoardsAsync(Caller caller, CancellationToken cancellationToken = default);

    /// <summary>Marks notices read (unknown ids are ignored); returns the unread count.</summary>
    Task<int> MarkReadAsync(Caller caller, IReadOnlyList<string> noticeIds, CancellationToken cancellationToken = default);
}
