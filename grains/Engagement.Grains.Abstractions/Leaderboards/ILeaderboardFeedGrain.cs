namespace Engagement;

/// <summary>
/// Feeds a park's boards from its <see cref="StreamNamespaces.PointsMoved"/> stream (an implicit subscription, keyed
/// by park id): each earning or correction moves the member's branch, committee and park boards of every period.
/// </summary>
[Alias("engagement.ILeaderboardFeedGrain")]
public interface ILeaderboardFeedGrain : IGrainWithStringKey;
