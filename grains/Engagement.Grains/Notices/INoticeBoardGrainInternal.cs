namespace Engagement;

/// <summary>
/// What member feeds ask of a notice board without a caller: its notices, and reads to count.
/// It lives in the grains assembly, so the gateway (which references only the abstractions) cannot call it.
/// Implemented by the same grain as <see cref="INoticeBoardGrain"/>.
/// </summary>
[Alias("engagement.INoticeBoardGrainInternal")]
public interface INoticeBoardGrainInternal : IGrainWithStringKey
{
    /// <summary>For member feeds: these notices were read by one more member each (the feed reports each member's first read once).</summary>
    Task CountReadsAsync(IReadOnlyList<string> noticeIds, CancellationToken cancellationToken = default);

    /// <summary>The kept notices, oldest first, for the member feeds (no caller check).</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<Notice>> ListAsync(CancellationToken cancellationToken = default);
}
