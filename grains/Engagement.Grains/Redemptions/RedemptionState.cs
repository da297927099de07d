namespace Engagement;

[GenerateSerializer, Alias("engagement.RedemptionState")]
public sealed class RedemptionState
{
    /// <summary>Null until the redemption exists (also after a failed start, which leaves nothing behind).</summary>
    [Id(0)]
    public RedemptionView? View { get; set; }

    /// <summary>The QR payload's secret: at least 128 random bits, never shown to staff.</summary>
    [Id(1)]
    public string Secret { get; set; } = "";

    /// <summary>The idempotency key of the confirm that completed it.</summary>
    [Id(2)]
    public string? ConfirmKey { get; set; }

    [Id(3)]
    public string? RefundKey { get; set; }

    /// <summary>True once stock, hold and code are all in place (a crash before that is cleaned up on expiry).</summary>
    [Id(4)]
    public bool Ready { get; set; }
}
