namespace Engagement;

/// <summary>
/// A published event (活动). <see cref="BranchId"/> is null for a committee event; <see cref="CommitteeId"/> is always
/// the committee whose rules apply. The remote terms are fixed at publish time so members know what they will earn.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.EventInfo")]
public sealed record EventInfo(
    [property: Id(0)] string EventId,
    [property: Id(1)] string ParkId,
    [property: Id(2)] string CommitteeId,
    [property: Id(3)] string? BranchId,
    [property: Id(4)] string Title,
    [property: Id(5)] string Place,
    [property: Id(6)] DateTimeOffset StartsAt,
    [property: Id(7)] DateTimeOffset EndsAt,
    [property: Id(8)] int Capacity,
    [property: Id(9)] long Points,
    [property: Id(10)] bool Streamed,
    [property: Id(11)] long RemotePoints,
    [property: Id(12)] int RemoteMinutes,
    [property: Id(13)] string PublishedBy,
    [property: Id(14)] DateTimeOffset PublishedAt)
{
    /// <summary>The calendar the event is listed in: <c>branch:{id}</c> or <c>committee:{id}</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string CalendarKey => EventCalendars.Key(BranchId, CommitteeId);
}
