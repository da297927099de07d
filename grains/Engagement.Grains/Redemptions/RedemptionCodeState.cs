namespace Engagement;

[GenerateSerializer, Alias("engagement.RedemptionCodeState")]
public sealed class RedemptionCodeState
{
    [Id(0)]
    public string? RedemptionId { get; set; }

    [Id(1)]
    public DateTimeOffset Until { get; set; }
}
