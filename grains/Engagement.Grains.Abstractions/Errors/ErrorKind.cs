namespace Engagement;

/// <summary>The class of a domain failure; the gateway maps each to one gRPC status code.</summary>
public enum ErrorKind
{
    InvalidArgument = 1,
    NotFound = 2,
    AlreadyExists = 3,
    PermissionDenied = 4,
    FailedPrecondition = 5,
    ResourceExhausted = 6,
    Aborted = 7,
    Unauthenticated = 8,
}
