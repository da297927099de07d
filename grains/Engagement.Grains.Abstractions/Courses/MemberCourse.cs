namespace Engagement;

/// <summary>A course of the member's park with the member's progress on it.</summary>
[GenerateSerializer, Immutable, Alias("engagement.MemberCourse")]
public sealed record MemberCourse([property: Id(0)] CourseInfo Course, [property: Id(1)] CourseProgress Progress);
