namespace Engagement;

/// <summary>An event as a calendar lists it.</summary>
[GenerateSerializer, Immutable, Alias("engagement.EventSummary")]
public sealed record EventSummary(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Title,
    [property: Id(2)] DateTimeOffset StartsAt,
    [property: Id(3)] DateTimeOffset EndsAt,
    [property: Id(4)] string Place,
    [property: Id(5)] bool Streamed,
    [property: Id(6)] int Capacity)
{
    public static EventSummary Of(EventInfo info) =>
        new(info.EventId, info.Title, info.StartsAt, info.EndsAt, info.Place, info.Streamed, info.Capacity);
}
