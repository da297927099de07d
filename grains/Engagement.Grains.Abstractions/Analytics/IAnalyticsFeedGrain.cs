namespace Engagement;

/// <summary>The implicit subscriber of a park's points stream that feeds analytics (keyed by park id).</summary>
[Alias("engagement.IAnalyticsFeedGrain")]
public interface IAnalyticsFeedGrain : IGrainWithStringKey;
