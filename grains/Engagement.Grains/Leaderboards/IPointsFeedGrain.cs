namespace Engagement;

/// <summary>
/// A branch's points feed: the implicit subscriber of the branch's <see cref="StreamNamespaces.PointsMoved"/> stream
/// (keyed by branch id). It routes each ledger entry to the branch's analytics of the entry's day and, when the entry
/// ranks, to the boards (through the silo's <see cref="IBoardBatcherGrain"/>). There is one per branch, so no grain
/// sees every award of a park.
/// </summary>
[Alias("engagement.IPointsFeedGrain")]
public interface IPointsFeedGrain : IGrainWithStringKey;
