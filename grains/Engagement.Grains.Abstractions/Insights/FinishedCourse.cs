namespace Engagement;

/// <summary>A course whose every episode the member watched, and when the last one became watched.</summary>
[GenerateSerializer, Immutable, Alias("engagement.FinishedCourse")]
public sealed record FinishedCourse(
    [property: Id(0)] string CourseId,
    [property: Id(1)] string Title,
    [property: Id(2)] DateTimeOffset CompletedAt);
