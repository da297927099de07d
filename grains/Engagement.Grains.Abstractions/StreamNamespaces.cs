namespace Engagement;

/// <summary>Stream namespaces.</summary>
public static class StreamNamespaces
{
    /// <summary>Every ledger movement of the members of a branch (key: the member's branch id), as <see cref="PointsMoved"/>.</summary>
    public const string PointsMoved = "points-moved";
}
