namespace Engagement;

public static partial class ErrorReasons
{
    public const string OfficerNotFound = "OFFICER_NOT_FOUND";
    public const string OfficerSelfRevoke = "OFFICER_SELF_REVOKE";
}
