namespace Engagement;

/// <summary>A record's place in a month's trail: its audit page and its position on that page.</summary>
[GenerateSerializer, Immutable, Alias("engagement.AuditCursor")]
public sealed record AuditCursor(
    [property: Id(0)] long Page,
    [property: Id(1)] int Position);

/// <summary>A page of a month's audit list: the month, its records (oldest first) and where the next page starts.</summary>
[GenerateSerializer, Immutable, Alias("engagement.AuditSlice")]
public sealed record AuditSlice(
    [property: Id(0)] DateOnly Month,
    [property: Id(1)] IReadOnlyList<AuditRecord> Records,
    [property: Id(2)] AuditCursor? Next);
