namespace Engagement;

[GenerateSerializer, Immutable, Alias("engagement.FeedItem")]
public sealed record FeedItem([property: Id(0)] Notice Notice, [property: Id(1)] bool Read);

/// <summary>A page of a member's feed, newest first; <see cref="NextCursor"/> null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("engagement.FeedPage")]
public sealed record FeedPage(
    [property: Id(0)] IReadOnlyList<FeedItem> Items,
    [property: Id(1)] string? NextCursor,
    [property: Id(2)] int UnreadCount);
