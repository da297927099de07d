namespace Engagement;

/// <summary>
/// The answer to a submission: the day's one result. <see cref="AlreadySubmitted"/> is true when another request
/// (another idempotency key) had submitted first; a retry with the first key gets exactly the first answer.
/// </summary>
[GenerateSerializer, Immutable, Alias("engagement.QuizSubmission")]
public sealed record QuizSubmission(
    [property: Id(0)] QuizResult Result,
    [property: Id(1)] bool AlreadySubmitted);
