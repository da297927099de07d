namespace Engagement;

public static partial class ErrorReasons
{
    public const string EventNotFound = "EVENT_NOT_FOUND";
    public const string EventExists = "EVENT_ALREADY_EXISTS";
    public const string EventFull = "EVENT_FULL";
    public const string EventNotStarted = "EVENT_NOT_STARTED";
    public const string EventEnded = "EVENT_ENDED";
    public const string EventNotStreamed = "EVENT_NOT_STREAMED";
    public const string CheckInCodeInvalid = "CHECK_IN_CODE_INVALID";
    public const string CheckInAttemptsExceeded = "CHECK_IN_ATTEMPTS_EXCEEDED";
}
