namespace Engagement;

[GenerateSerializer, Alias("engagement.RedemptionHistoryState")]
public sealed class RedemptionHistoryState
{
    /// <summary>Listed redemptions in the order they were first listed (oldest first); codes are never kept here.</summary>
    [Id(0)]
    public List<RedemptionHistoryEntry> Entries { get; set; } = [];
}

/// <summary>One listed redemption: its place in the list and its latest known state.</summary>
[GenerateSerializer, Alias("engagement.RedemptionHistoryEntry")]
public sealed class RedemptionHistoryEntry
{
    [Id(0)]
    public long Sequence { get; set; }

    [Id(1)]
    public RedemptionView View { get; set; } = null!;
}
