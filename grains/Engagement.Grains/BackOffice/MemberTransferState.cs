namespace Engagement;

[GenerateSerializer, Alias("engagement.MemberTransferState")]
public sealed class MemberTransferState
{
    /// <summary>The transfer waiting for the receiving branch; null when none.</summary>
    [Id(0)]
    public TransferInfo? Pending { get; set; }

    /// <summary>Before <see cref="Results"/>: the last 16 results by key. Moved into <see cref="Results"/> on first use.</summary>
    [Id(1)]
    public List<KeyValuePair<string, TransferInfo>> Recent { get; set; } = [];

    /// <summary>Results of requests and decisions by idempotency key, for the idempotency window.</summary>
    [Id(2)]
    public IdempotencyLog<TransferInfo> Results { get; set; } = new();
}
