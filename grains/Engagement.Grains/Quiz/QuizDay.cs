namespace Engagement;

/// <summary>
/// The frozen question set of one scope for one park-local day, with answers. <see cref="Bank"/> is the bank the
/// questions were drawn from (<c>park:{id}</c> or <c>committee:{id}</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.QuizDay")]
public sealed record QuizDay(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] string Bank,
    [property: Id(2)] IReadOnlyList<QuizQuestion> Questions,
    [property: Id(3)] DateTimeOffset FrozenAt);
