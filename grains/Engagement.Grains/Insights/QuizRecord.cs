namespace Engagement;

/// <summary>
/// One graded daily quiz in a member's quiz history: how many questions, how many right, and the distinct tags of
/// the questions answered wrongly. Recorded whatever the quiz earned (an all-wrong quiz writes no ledger entry).
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.QuizRecord")]
public sealed record QuizRecord(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] int Questions,
    [property: Id(2)] int Correct,
    [property: Id(3)] IReadOnlyList<string> WrongAnswerTags,
    [property: Id(4)] DateTimeOffset SubmittedAt);
