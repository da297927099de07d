using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Orleans.Storage;

namespace Engagement.Gateway;

/// <summary>
/// The one place where failures become gRPC statuses. Every status carries a google.rpc.ErrorInfo with a stable
/// reason; validation failures add a google.rpc.BadRequest. Unexpected failures say nothing about their cause.
/// </summary>
public static class ExceptionMapper
{
    /// <summary>
    /// The most field violations one BadRequest carries. Details travel in a trailer, which clients cap (64 KB in .NET):
    /// a request with hundreds of bad elements must still get its answer, not a broken connection.
    /// </summary>
    public const int MaxFieldViolations = 100;

    public static RpcException ToRpcException(Exception exception) => exception switch
    {
        RpcException rpc => rpc,
        EngagementException e => ToStatus(e).ToRpcException(),
        InconsistentStateException => Build(Code.Aborted, ErrorReasons.ConcurrentUpdate,
            "The resource was changed concurrently; retry with the same idempotency key."),
        OperationCanceledException => Build(Code.Cancelled, "CANCELLED", "The call was cancelled."),
        TimeoutException or SiloUnavailableException or OrleansMessageRejectionException =>
            Build(Code.Unavailable, ErrorReasons.Unavailable, "The service is temporarily unavailable; retry with the same idempotency key."),
        _ => Build(Code.Internal, ErrorReasons.Internal, "Internal error."),
    };

    /// <summary>What a watch stream ends with when its node starts stopping: watch again (another node, or this one once back).</summary>
    public static RpcException ShuttingDown() =>
        Build(Code.Unavailable, ErrorReasons.Unavailable, "This node is shutting down; watch again.");

    /// <summary>True when the failure is a bug or an outage worth logging with its stack, not a client's mistake.</summary>
    public static bool IsUnexpected(Exception exception) =>
        exception is not (RpcException or EngagementException or OperationCanceledException);

    private static Code CodeOf(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidArgument => Code.InvalidArgument,
        ErrorKind.NotFound => Code.NotFound,
        ErrorKind.AlreadyExists => Code.AlreadyExists,
        ErrorKind.PermissionDenied => Code.PermissionDenied,
        ErrorKind.FailedPrecondition => Code.FailedPrecondition,
        ErrorKind.ResourceExhausted => Code.ResourceExhausted,
        ErrorKind.Aborted => Code.Aborted,
        ErrorKind.Unauthenticated => Code.Unauthenticated,
        _ => Code.Internal,
    };

    /// <summary>The google.rpc.Status of a refusal (also written outside gRPC services, e.g. by the edge guards).</summary>
    public static Google.Rpc.Status ToStatus(EngagementException e) => Status(CodeOf(e.Kind), e.Reason, e.Message, e.Violations, e.Details, e.RetryAfter);

    private static RpcException Build(Code code, string reason, string message) => Status(code, reason, message).ToRpcException();

    private static Google.Rpc.Status Status(Code code, string reason, string message, IReadOnlyList<FieldViolation>? violations = null,
        IReadOnlyDictionary<string, string>? details = null, TimeSpan? retryAfter = null)
    {
        var info = new ErrorInfo { Reason = reason, Domain = ErrorReasons.Domain };
        foreach (var (key, value) in details ?? new Dictionary<string, string>())
        {
            info.Metadata[key] = value;
        }

        var status = new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(info) } };
        if (retryAfter is { } delay)
        {
            status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(delay) }));
        }

        if (violations is { Count: > 0 })
        {
            var badRequest = new BadRequest();
            badRequest.FieldViolations.AddRange(violations.Take(MaxFieldViolations).Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
            status.Details.Add(Any.Pack(badRequest));
        }

        return status;
    }
}
