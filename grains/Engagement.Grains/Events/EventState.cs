namespace Engagement;

/// <summary>
/// An event's durable state: the event and the secret its check-in codes are derived from (never returned). Its
/// attendees are stored in rows of their own (EventGrain.Attendees.cs).
/// </summary>
[GenerateSerializer, Alias("engagement.EventState")]
public sealed class EventState
{
    [Id(0)]
    public EventInfo? Info { get; set; }

    [Id(1)]
    public string? CreationKey { get; set; }

    /// <summary>The hash of the publishing request; null in rows stored before it was kept.</summary>
    [Id(4)]
    public string? CreationHash { get; set; }

    /// <summary>32 random bytes drawn at publish time: the HMAC key of the check-in codes.</summary>
    [Id(2)]
    public byte[] Secret { get; set; } = [];

    /// <summary>Only in events stored before attendees had rows of their own; moved out on activation.</summary>
    [Id(3)]
    public Dictionary<string, AttendeeState> Attendees { get; set; } = new(StringComparer.Ordinal);
}
