namespace Engagement;

/// <summary>An event's attendance: everyone who RSVP'd, checked in or watched, in order of first appearance.</summary>
[GenerateSerializer, Immutable, Alias("engagement.EventAttendance")]
public sealed record EventAttendance(
    [property: Id(0)] EventInfo Event,
    [property: Id(1)] IReadOnlyList<AttendanceRecord> Attendees);
