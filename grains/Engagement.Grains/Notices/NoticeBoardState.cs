namespace Engagement;

[GenerateSerializer, Alias("engagement.NoticeBoardState")]
public sealed class NoticeBoardState
{
    /// <summary>The newest notices, oldest first (at most <see cref="NoticeBoards.Kept"/>).</summary>
    [Id(0)]
    public List<Notice> Notices { get; set; } = [];

    [Id(1)]
    public long LastSequence { get; set; }

    /// <summary>Notice ids of recent publications by idempotency key, newest last (bounded).</summary>
    [Id(2)]
    public List<KeyValuePair<string, Notice>> Recent { get; set; } = [];
}
