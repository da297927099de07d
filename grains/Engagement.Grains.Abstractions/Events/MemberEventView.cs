namespace Engagement;

/// <summary>An event as one member sees it: seats taken, their RSVP and what they have done and earned there.</summary>
[GenerateSerializer, Immutable, Alias("engagement.MemberEventView")]
public sealed record MemberEventView(
    [property: Id(0)] EventInfo Event,
    [property: Id(1)] int RsvpCount,
    [property: Id(2)] bool Rsvped,
    [property: Id(3)] DateTimeOffset? CheckedInAt,
    [property: Id(4)] int RemoteMinutes,
    [property: Id(5)] long PointsAwarded);
