namespace Engagement;

/// <summary>
/// The NOT_FOUND of each kind of resource, spelled once. An unknown id and a resource of a park where the caller has
/// no role answer with the same one (same reason, same message), so that nobody outside a park learns which ids are
/// in use there.
/// </summary>
public static class Missing
{
    public static EngagementException Park(string parkId) => NotFound(ErrorReasons.ParkNotFound, $"Park '{parkId}'");

    public static EngagementException Committee(string committeeId) => NotFound(ErrorReasons.CommitteeNotFound, $"Committee '{committeeId}'");

    public static EngagementException Branch(string branchId) => NotFound(ErrorReasons.BranchNotFound, $"Branch '{branchId}'");

    public static EngagementException Member(string memberId) => NotFound(ErrorReasons.MemberNotFound, $"Member '{memberId}'");

    public static EngagementException Merchant(string merchantId) => NotFound(ErrorReasons.MerchantNotFound, $"Merchant '{merchantId}'");

    public static EngagementException Event(string eventId) => NotFound(ErrorReasons.EventNotFound, $"Event '{eventId}'");

    public static EngagementException Course(string courseId) => NotFound(ErrorReasons.CourseNotFound, $"Course '{courseId}'");

    /// <summary>A redemption's id is never echoed: it is derived from the member and their key.</summary>
    public static EngagementException Redemption() => EngagementException.NotFound(ErrorReasons.RedemptionNotFound, "No such redemption.");

    private static EngagementException NotFound(string reason, string what) => EngagementException.NotFound(reason, $"{what} does not exist.");
}
