namespace Engagement;

[GenerateSerializer, Immutable, Alias("engagement.ConsistencyReport")]
public sealed record ConsistencyReport(
    [property: Id(0)] string ParkId,
    [property: Id(1)] int MembersChecked,
    [property: Id(2)] long EntriesChecked,
    [property: Id(3)] IReadOnlyList<LedgerCheck> Differences,
    [property: Id(4)] DateTimeOffset CheckedAt);
