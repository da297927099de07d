namespace Engagement;

/// <summary>
/// The stable reasons sent in <c>google.rpc.ErrorInfo.reason</c> (domain <see cref="Domain"/>). Apps key their
/// translated messages on these; never rename one. docs/errors.md lists them with their Chinese texts.
/// </summary>
public static partial class ErrorReasons
{
    public const string Domain = "engagement.v1";

    public const string InvalidArgument = "INVALID_ARGUMENT";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string PermissionDenied = "PERMISSION_DENIED";
    public const string Internal = "INTERNAL";
    public const string Unavailable = "UNAVAILABLE";
    public const string ConcurrentUpdate = "CONCURRENT_UPDATE";

    /// <summary>A caller made more writes than the gateway allows per minute (ResourceExhausted, with RetryInfo).</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>An idempotency key replayed with a different request (AlreadyExists).</summary>
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";

    public const string ParkNotFound = "PARK_NOT_FOUND";
    public const string ParkExists = "PARK_ALREADY_EXISTS";
    public const string CommitteeNotFound = "COMMITTEE_NOT_FOUND";
    public const string CommitteeExists = "COMMITTEE_ALREADY_EXISTS";
    public const string BranchNotFound = "BRANCH_NOT_FOUND";
    public const string BranchExists = "BRANCH_ALREADY_EXISTS";
    public const string MemberNotFound = "MEMBER_NOT_FOUND";
    public const string MemberExists = "MEMBER_ALREADY_EXISTS";
    public const string MemberNotVerified = "MEMBER_NOT_VERIFIED";
}
