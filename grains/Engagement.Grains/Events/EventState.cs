namespace Engagement;

/// <summary>
/// An event's durable state: the event, the secret its check-in codes are derived from (never returned), and one
/// record per member who RSVP'd, checked in or watched. Bounded by the capacity plus walk-ins and viewers.
/// </summary>
[GenerateSerializer, Alias("engagement.EventState")]
public sealed class EventState
{
    [Id(0)]
    public EventInfo? Info { get; set; }

    [Id(1)]
    public string? CreationKey { get; set; }

    /// <summary>32 random bytes drawn at publish time: the HMAC key of the check-in codes.</summary>
    [Id(2)]
    public byte[] Secret { get; set; } = [];

    [Id(3)]
    public Dictionary<string, AttendeeState> Attendees { get; set; } = new(StringComparer.Ordinal);
}
