namespace Engagement;

/// <summary>How a member attended an event: checked in at the venue, or watched the live stream long enough.</summary>
public enum AttendanceMode
{
    OnSite = 1,
    Remote = 2,
}
