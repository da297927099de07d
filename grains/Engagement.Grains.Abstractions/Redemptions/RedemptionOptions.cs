namespace Engagement;

/// <summary>Timings of redemptions (section <c>Engagement:Redemption</c>).</summary>
public sealed class RedemptionOptions
{
    public const string Section = "Engagement:Redemption";

    /// <summary>How long a one-time code is valid.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a pending redemption's durable reminder checks for expiry (Orleans reminders: ≥ 1 minute in production).</summary>
    public TimeSpan ExpiryCheckPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long after completion staff may refund.</summary>
    public TimeSpan RefundWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Typed-code validations allowed per staff member per minute.</summary>
    public int ValidationsPerStaffPerMinute { get; set; } = 30;

    /// <summary>Typed-code validations allowed per merchant per minute.</summary>
    public int ValidationsPerMerchantPerMinute { get; set; } = 120;
}
