namespace Engagement;

/// <summary>One valid CSV row of a roster import.</summary>
[GenerateSerializer, Immutable, Alias("engagement.RosterRow")]
public sealed record RosterRow(
    [property: Id(0)] int Line,
    [property: Id(1)] string MemberId,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] string Phone,
    [property: Id(4)] string Company,
    [property: Id(5)] DateOnly JoinDate);
