namespace Engagement;

[GenerateSerializer, Alias("engagement.NoticeBoardState")]
public sealed class NoticeBoardState
{
    /// <summary>The newest notices, oldest first (at most <see cref="NoticeBoards.Kept"/>).</summary>
    [Id(0)]
    public List<Notice> Notices { get; set; } = [];

    [Id(1)]
    public long LastSequence { get; set; }

    /// <summary>Before <see cref="Published"/>: the last 32 notices by key. Moved into <see cref="Published"/> on first use.</summary>
    [Id(2)]
    public List<KeyValuePair<string, Notice>> Recent { get; set; } = [];

    /// <summary>Notices published by idempotency key, for the idempotency window.</summary>
    [Id(3)]
    public IdempotencyLog<Notice> Published { get; set; } = new();

    /// <summary>How many members read each kept notice (notice id → count); forgotten with the notice.</summary>
    [Id(4)]
    public Dictionary<string, int> ReadCounts { get; set; } = new(StringComparer.Ordinal);
}
