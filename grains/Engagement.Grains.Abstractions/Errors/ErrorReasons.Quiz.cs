namespace Engagement;

public static partial class ErrorReasons
{
    /// <summary>NotFound: neither the member's committee bank nor the park bank holds a question yet.</summary>
    public const string QuizNotAvailable = "QUIZ_NOT_AVAILABLE";

    /// <summary>NotFound: the day asked for has not begun in the park (a future day).</summary>
    public const string QuizDayNotFound = "QUIZ_DAY_NOT_FOUND";

    /// <summary>FailedPrecondition: the day asked for is over in the park and was not answered.</summary>
    public const string QuizDayClosed = "QUIZ_DAY_CLOSED";

    /// <summary>FailedPrecondition: the import would grow the bank beyond <see cref="QuizLimits.MaxBankSize"/>.</summary>
    public const string QuizBankFull = "QUIZ_BANK_FULL";

    /// <summary>InvalidArgument: the idempotency key already imported a different batch.</summary>
    public const string QuizImportKeyReused = "QUIZ_IMPORT_KEY_REUSED";
}
