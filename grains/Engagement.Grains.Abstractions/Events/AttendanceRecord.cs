namespace Engagement;

/// <summary>One member's attendance of an event, for the organiser.</summary>
[GenerateSerializer, Immutable, Alias("engagement.AttendanceRecord")]
public sealed record AttendanceRecord(
    [property: Id(0)] string MemberId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string BranchId,
    [property: Id(3)] DateTimeOffset? RsvpAt,
    [property: Id(4)] DateTimeOffset? CheckedInAt,
    [property: Id(5)] int RemoteMinutes,
    [property: Id(6)] long PointsAwarded);
