namespace Engagement;

/// <summary>The bounds of an event and of its check-in, shared by the gateway's validation and the event grain.</summary>
public static class EventLimits
{
    public const int MaxTitleLength = 100;
    public const int MaxPlaceLength = 200;
    public const int MaxCapacity = 10_000;
    public const long MaxPoints = 1_000;

    /// <summary>The longest event (a volunteering week); longer ones are split into several events.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(7);

    /// <summary>How long one check-in code is shown before the next replaces it.</summary>
    public static readonly TimeSpan CodeRotation = TimeSpan.FromSeconds(30);

    /// <summary>The longest pause between two heartbeats that still counts as watching.</summary>
    public static readonly TimeSpan MaxHeartbeatGap = TimeSpan.FromMinutes(2);

    /// <summary>Wrong check-in codes a member may enter per event within <see cref="WrongCodeWindow"/>.</summary>
    public const int MaxWrongCodes = 5;

    public static readonly TimeSpan WrongCodeWindow = TimeSpan.FromMinutes(10);

    /// <summary>The most upcoming events recommendations look at (the soonest).</summary>
    public const int MaxUpcoming = 100;
}
