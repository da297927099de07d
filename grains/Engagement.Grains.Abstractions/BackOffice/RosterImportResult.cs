namespace Engagement;

/// <summary>What a roster import did: the members registered (or already registered by this import) and the rows skipped.</summary>
[GenerateSerializer, Immutable, Alias("engagement.RosterImportResult")]
public sealed record RosterImportResult(
    [property: Id(0)] IReadOnlyList<string> ImportedMemberIds,
    [property: Id(1)] IReadOnlyList<RowError> RowErrors);
