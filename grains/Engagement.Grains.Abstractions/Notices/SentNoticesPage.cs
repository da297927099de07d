namespace Engagement;

[GenerateSerializer, Immutable, Alias("engagement.SentNotice")]
public sealed record SentNotice([property: Id(0)] Notice Notice, [property: Id(1)] int ReadCount);

/// <summary>
/// A page of one audience's sent notices, newest first; <see cref="Next"/> (the sequence of the last one shown) is null on
/// the last page. <see cref="AudienceSize"/> is how many members the audience has now.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.SentNoticesPage")]
public sealed record SentNoticesPage(
    [property: Id(0)] IReadOnlyList<SentNotice> Items,
    [property: Id(1)] long? Next,
    [property: Id(2)] int AudienceSize);
