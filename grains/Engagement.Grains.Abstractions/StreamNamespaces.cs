namespace Engagement;

/// <summary>Stream namespaces; a stream's key is the park id.</summary>
public static class StreamNamespaces
{
    /// <summary>Every ledger movement of every member of a park, as <see cref="PointsMoved"/>.</summary>
    public const string PointsMoved = "points-moved";
}
