namespace Engagement;

public static partial class ErrorReasons
{
    public const string MerchantNotFound = "MERCHANT_NOT_FOUND";
    public const string MerchantExists = "MERCHANT_ALREADY_EXISTS";
    public const string ItemNotFound = "ITEM_NOT_FOUND";
    public const string ItemNotActive = "ITEM_NOT_ACTIVE";
    public const string OutOfStock = "OUT_OF_STOCK";
    public const string PurchaseLimitReached = "PURCHASE_LIMIT_REACHED";
    public const string RedemptionNotFound = "REDEMPTION_NOT_FOUND";
    public const string AlreadyRedeemed = "ALREADY_REDEEMED";
    public const string RedemptionExpired = "REDEMPTION_EXPIRED";
    public const string RedemptionCancelled = "REDEMPTION_CANCELLED";
    public const string RedemptionNotCompleted = "REDEMPTION_NOT_COMPLETED";
    public const string RefundWindowClosed = "REFUND_WINDOW_CLOSED";
    public const string TooManyValidations = "TOO_MANY_VALIDATIONS";
}
