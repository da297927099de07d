namespace Engagement;

/// <summary>
/// The code on the organiser's screen: six digits, replaced every <see cref="EventLimits.CodeRotation"/>.
/// Check-in accepts it until one rotation after <see cref="ExpiresAt"/> (the current and the previous code).
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.CheckInCode")]
public sealed record CheckInCode([property: Id(0)] string Code, [property: Id(1)] DateTimeOffset ExpiresAt);
