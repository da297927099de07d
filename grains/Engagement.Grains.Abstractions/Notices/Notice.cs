namespace Engagement;

/// <summary>A published notice (通知公告). <see cref="NoticeId"/> is "{board key}/{sequence}".</summary>
[GenerateSerializer, Immutable, Alias("engagement.Notice")]
public sealed record Notice(
    [property: Id(0)] string NoticeId,
    [property: Id(1)] NoticeAudience Audience,
    [property: Id(2)] string AudienceId,
    [property: Id(3)] string Title,
    [property: Id(4)] string Body,
    [property: Id(5)] IReadOnlyList<string> ImageUrls,
    [property: Id(6)] string PublishedBy,
    [property: Id(7)] DateTimeOffset PublishedAt);
