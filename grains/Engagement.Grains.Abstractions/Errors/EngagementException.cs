namespace Engagement;

/// <summary>
/// A domain failure that crosses the silo boundary with its type, and that the gateway turns into a gRPC status
/// with a <c>google.rpc.ErrorInfo</c> carrying <see cref="Reason"/>. Nothing was changed when it is thrown.
/// </summary>
[GenerateSerializer, Alias("engagement.EngagementException")]
public sealed class EngagementException : Exception
{
    public EngagementException()
    {
    }

    public EngagementException(string message) : base(message)
    {
    }

    public EngagementException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public EngagementException(ErrorKind kind, string reason, string message, IReadOnlyList<FieldViolation>? violations = null)
        : base(message)
    {
        Kind = kind;
        Reason = reason;
        Violations = violations ?? [];
    }

    [Id(0)]
    public ErrorKind Kind { get; private set; }

    /// <summary>Stable, machine-readable reason (UPPER_SNAKE_CASE), listed in <see cref="ErrorReasons"/>.</summary>
    [Id(1)]
    public string Reason { get; private set; } = ErrorReasons.Internal;

    [Id(2)]
    public IReadOnlyList<FieldViolation> Violations { get; private set; } = [];

    [Id(3)]
    private Dictionary<string, string> _details = [];

    /// <summary>
    /// The figures behind the failure (e.g. <c>neededPoints</c>, <c>availablePoints</c>), keyed in lowerCamelCase
    /// and listed per reason in docs/errors.md; they reach the client as <c>google.rpc.ErrorInfo.metadata</c>, so an
    /// app can word the message in its own language without parsing English.
    /// </summary>
    public IReadOnlyDictionary<string, string> Details => _details;

    /// <summary>How long to wait before trying again (a rate limit); sent as <c>google.rpc.RetryInfo</c>.</summary>
    [Id(4)]
    public TimeSpan? RetryAfter { get; private set; }

    /// <summary>Adds a figure to <see cref="Details"/>; returns this exception, to be thrown.</summary>
    public EngagementException With(string key, long value)
    {
        _details[key] = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return this;
    }

    /// <summary>Sets <see cref="RetryAfter"/> (rounded up to whole seconds, at least one) and the <c>retryAfterSeconds</c> detail.</summary>
    public EngagementException RetryIn(TimeSpan delay)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(delay.TotalSeconds));
        RetryAfter = TimeSpan.FromSeconds(seconds);
        return With("retryAfterSeconds", seconds);
    }

    /// <summary>How many violations the message spells out; the rest are counted (all travel in <see cref="Violations"/>).</summary>
    public const int ViolationsInMessage = 10;

    public static EngagementException InvalidArgument(IReadOnlyList<FieldViolation> violations) =>
        new(ErrorKind.InvalidArgument, ErrorReasons.InvalidArgument,
            "The request is invalid: " + string.Join("; ", violations.Take(ViolationsInMessage).Select(v => $"{v.Field}: {v.Description}"))
            + (violations.Count > ViolationsInMessage ? $"; and {violations.Count - ViolationsInMessage} more" : ""), violations);

    public static EngagementException InvalidArgument(string field, string description) =>
        InvalidArgument([new FieldViolation(field, description)]);

    public static EngagementException NotFound(string reason, string message) => new(ErrorKind.NotFound, reason, message);

    public static EngagementException AlreadyExists(string reason, string message) => new(ErrorKind.AlreadyExists, reason, message);

    public static EngagementException PermissionDenied(string reason, string message) => new(ErrorKind.PermissionDenied, reason, message);

    public static EngagementException FailedPrecondition(string reason, string message) => new(ErrorKind.FailedPrecondition, reason, message);

    public static EngagementException ResourceExhausted(string reason, string message) => new(ErrorKind.ResourceExhausted, reason, message);

    public static EngagementException Unauthenticated(string message) => new(ErrorKind.Unauthenticated, ErrorReasons.Unauthenticated, message);
}
