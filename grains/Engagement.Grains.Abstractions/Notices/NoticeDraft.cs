namespace Engagement;

[GenerateSerializer, Immutable, Alias("engagement.NoticeDraft")]
public sealed record NoticeDraft(
    [property: Id(0)] string Title,
    [property: Id(1)] string Body,
    [property: Id(2)] IReadOnlyList<string> ImageUrls);
