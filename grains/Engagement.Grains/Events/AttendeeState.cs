namespace Engagement;

/// <summary>One member at one event: seat, on-site check-in, watching time and awards.</summary>
[GenerateSerializer, Alias("engagement.AttendeeState")]
public sealed class AttendeeState
{
    [Id(0)]
    public string MemberId { get; set; } = "";

    [Id(1)]
    public string DisplayName { get; set; } = "";

    [Id(2)]
    public string BranchId { get; set; } = "";

    /// <summary>When the member first RSVP'd, checked in or watched (attendance lists in this order).</summary>
    [Id(3)]
    public DateTimeOffset FirstSeenAt { get; set; }

    /// <summary>Set while the member holds a seat.</summary>
    [Id(4)]
    public DateTimeOffset? RsvpAt { get; set; }

    /// <summary>Before <see cref="Seat"/>: the last 8 keys that changed the seat. Moved into <see cref="Seat"/> on first use.</summary>
    [Id(5)]
    public List<string> SeatKeys { get; set; } = [];

    /// <summary>Idempotency keys of the RSVPs and cancellations that changed the seat, for the idempotency window.</summary>
    [Id(14)]
    public IdempotencyLog<string> Seat { get; set; } = new();

    [Id(6)]
    public EventCheckInResult? CheckIn { get; set; }

    [Id(7)]
    public string? CheckInKey { get; set; }

    /// <summary>Watching time credited from heartbeats.</summary>
    [Id(8)]
    public TimeSpan Watched { get; set; }

    [Id(9)]
    public DateTimeOffset? LastHeartbeatAt { get; set; }

    /// <summary>The last heartbeat's result and key, so that its retry returns it.</summary>
    [Id(10)]
    public HeartbeatResult? LastHeartbeat { get; set; }

    [Id(11)]
    public string? LastHeartbeatKey { get; set; }

    /// <summary>Set once the remote points were awarded (then no on-site points are).</summary>
    [Id(12)]
    public DateTimeOffset? RemoteAwardedAt { get; set; }

    [Id(13)]
    public long RemotePointsAwarded { get; set; }

    [System.Text.Json.Serialization.JsonIgnore]
    public long PointsAwarded => (CheckIn?.PointsAwarded ?? 0) + RemotePointsAwarded;

    /// <summary>Only members who RSVP'd, checked in or watched are attendance; a cancelled RSVP alone is not.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Attended => RsvpAt is not null || CheckIn is not null || LastHeartbeatAt is not null;
}
