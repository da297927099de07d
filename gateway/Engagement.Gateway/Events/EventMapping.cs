using Google.Protobuf.WellKnownTypes;

namespace Engagement.Gateway;

/// <summary>Event records to wire messages.</summary>
public static class EventMapping
{
    public static V1.Event ToProto(this EventInfo info) => new()
    {
        EventId = info.EventId,
        ParkId = info.ParkId,
        CommitteeId = info.CommitteeId,
        BranchId = info.BranchId ?? "",
        Title = info.Title,
        Place = info.Place,
        StartTime = Timestamp.FromDateTimeOffset(info.StartsAt),
        EndTime = Timestamp.FromDateTimeOffset(info.EndsAt),
        Capacity = info.Capacity,
        Points = info.Points,
        Streamed = info.Streamed,
        RemotePoints = info.RemotePoints,
        RemoteMinutes = info.RemoteMinutes,
        PublishedBy = info.PublishedBy,
        PublishTime = Timestamp.FromDateTimeOffset(info.PublishedAt),
    };

    public static V1.MemberEvent ToProto(this MemberEventView view) => new()
    {
        Event = view.Event.ToProto(),
        RsvpCount = view.RsvpCount,
        Rsvped = view.Rsvped,
        CheckInTime = Time(view.CheckedInAt),
        RemoteMinutes = view.RemoteMinutes,
        PointsAwarded = view.PointsAwarded,
    };

    public static V1.GetCheckInCodeResponse ToProto(this CheckInCode code) => new()
    {
        Code = code.Code,
        ExpireTime = Timestamp.FromDateTimeOffset(code.ExpiresAt),
        RotationSeconds = (int)EventLimits.CodeRotation.TotalSeconds,
    };

    public static V1.CheckInToEventResponse ToProto(this EventCheckInResult result) => new()
    {
        EventId = result.EventId,
        MemberId = result.MemberId,
        CheckInTime = Timestamp.FromDateTimeOffset(result.CheckedInAt),
        PointsAwarded = result.PointsAwarded,
        Entry = result.Entry?.ToProto(),
        AlreadyCheckedIn = result.AlreadyCheckedIn,
        RemotePointsEarnedInstead = result.RemotePointsEarnedInstead,
    };

    public static V1.SendHeartbeatResponse ToProto(this HeartbeatResult result) => new()
    {
        CreditedSeconds = result.CreditedSeconds,
        RemoteMinutes = result.RemoteMinutes,
        RequiredMinutes = result.RequiredMinutes,
        PointsAwarded = result.PointsAwarded,
        Entry = result.Entry?.ToProto(),
    };

    public static V1.ListAttendanceResponse ToProto(this EventAttendance attendance)
    {
        var response = new V1.ListAttendanceResponse
        {
            Event = attendance.Event.ToProto(),
            RsvpCount = attendance.Attendees.Count(a => a.RsvpAt is not null),
            CheckedInCount = attendance.Attendees.Count(a => a.CheckedInAt is not null),
        };
        response.Attendees.AddRange(attendance.Attendees.Select(a => new V1.EventAttendee
        {
            MemberId = a.MemberId,
            DisplayName = a.DisplayName,
            BranchId = a.BranchId,
            Rsvped = a.RsvpAt is not null,
            RsvpTime = Time(a.RsvpAt),
            CheckInTime = Time(a.CheckedInAt),
            RemoteMinutes = a.RemoteMinutes,
            PointsAwarded = a.PointsAwarded,
        }));
        return response;
    }

    private static Timestamp? Time(DateTimeOffset? at) => at is { } value ? Timestamp.FromDateTimeOffset(value) : null;
}
