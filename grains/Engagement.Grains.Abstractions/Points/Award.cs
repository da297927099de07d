namespace Engagement;

/// <summary>
/// Points a source (check-in, quiz, course, event) asks a member grain to award. The member applies the activity's
/// daily cap (cutting the award to what is left) and writes at most one ledger entry; the same
/// <see cref="IdempotencyKey"/> never awards twice.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.Award")]
public sealed record Award(
    [property: Id(0)] Activity Activity,
    [property: Id(1)] long Points,
    [property: Id(2)] string Reference,
    [property: Id(3)] string IdempotencyKey);
