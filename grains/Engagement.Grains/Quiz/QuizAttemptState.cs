namespace Engagement;

[GenerateSerializer, Alias("engagement.QuizAttemptState")]
public sealed class QuizAttemptState
{
    /// <summary>The graded result; null until the first accepted submission.</summary>
    [Id(0)]
    public QuizResult? Result { get; set; }

    /// <summary>The idempotency key of that submission: its retries get exactly the first answer.</summary>
    [Id(1)]
    public string? SubmissionKey { get; set; }

    /// <summary>The hash of the submitted answers; null in rows stored before it was kept.</summary>
    [Id(2)]
    public string? SubmissionHash { get; set; }
}
