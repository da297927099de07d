namespace Engagement;

/// <summary>
/// Gathers board updates on each silo (a stateless worker, one activation per silo, so one member's entries stay in
/// order) and sends each board one call per <see cref="Window"/> with everything it got meanwhile: a park board of a
/// busy morning receives a few dozen entries per call instead of one call per award.
/// </summary>
[Alias("engagement.IBoardBatcherGrain")]
public interface IBoardBatcherGrain : IGrainWithIntegerKey
{
    /// <summary>How long an update waits for others to the same board.</summary>
    static readonly TimeSpan Window = TimeSpan.FromMilliseconds(40);

    /// <summary>Queues <paramref name="update"/> for each of <paramref name="boardKeys"/>; returns once queued.</summary>
    Task EnqueueAsync(IReadOnlyList<string> boardKeys, BoardUpdate update);
}

/// <summary>A ranked ledger entry for a board, with the member's previous ranked sequence (null: unknown) and name (null: unknown).</summary>
[GenerateSerializer, Immutable, Alias("engagement.BoardUpdate")]
public sealed record BoardUpdate([property: Id(0)] LedgerEntry Entry, [property: Id(1)] long? PreviousRanked, [property: Id(2)] MemberName? Name = null);
