namespace Engagement;

/// <summary>One administrative action: who, when, what, on what.</summary>
[GenerateSerializer, Immutable, Alias("engagement.AuditRecord")]
public sealed record AuditRecord(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Action,
    [property: Id(3)] string Target,
    [property: Id(4)] string Details,
    [property: Id(5)] string ParkId,
    [property: Id(6)] string? BranchId);
