namespace Engagement;

[GenerateSerializer, Alias("engagement.MemberTransferState")]
public sealed class MemberTransferState
{
    /// <summary>The transfer waiting for the receiving branch; null when none.</summary>
    [Id(0)]
    public TransferInfo? Pending { get; set; }

    /// <summary>Results of recent requests and decisions by idempotency key, newest last (bounded).</summary>
    [Id(1)]
    public List<KeyValuePair<string, TransferInfo>> Recent { get; set; } = [];
}
