namespace Engagement;

/// <summary>
/// <c>pending → completed | cancelled | expired</c>, <c>completed → refunded</c>. Confirming and Refunding are
/// durable in-between steps, so a crash mid-way finishes the step instead of undoing half of it.
/// </summary>
public enum RedemptionStatus
{
    Pending = 1,
    Confirming = 2,
    Completed = 3,
    Cancelled = 4,
    Expired = 5,
    Refunding = 6,
    Refunded = 7,
}
