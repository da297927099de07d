namespace Engagement;

public static partial class ErrorReasons
{
    public const string MemberDeactivated = "MEMBER_DEACTIVATED";
    public const string TransferNotFound = "TRANSFER_NOT_FOUND";
    public const string TransferPending = "TRANSFER_PENDING";
    public const string TransferSameBranch = "TRANSFER_SAME_BRANCH";
    public const string TransferOtherPark = "TRANSFER_OTHER_PARK";
}
