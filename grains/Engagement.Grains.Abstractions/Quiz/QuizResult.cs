namespace Engagement;

/// <summary>
/// A member's graded daily quiz, stored once and returned unchanged afterwards. <see cref="PointsEarned"/> is what
/// the rules give for the answers; <see cref="Award"/> is what the daily cap let through (null only while the award
/// is still being written). <see cref="WrongAnswerTags"/> are the tags of the questions answered wrongly.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.QuizResult")]
public sealed record QuizResult(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] string Scope,
    [property: Id(2)] string Bank,
    [property: Id(3)] IReadOnlyList<QuizReview> Questions,
    [property: Id(4)] int CorrectCount,
    [property: Id(5)] long PointsEarned,
    [property: Id(6)] AwardResult? Award,
    [property: Id(7)] IReadOnlyList<string> WrongAnswerTags,
    [property: Id(8)] DateTimeOffset SubmittedAt)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool FullMarks => CorrectCount == Questions.Count;
}
