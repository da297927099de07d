namespace Engagement;

/// <summary>The default points of ../shared/DOMAIN.md that the foundation uses; per-park rules come with the points engine.</summary>
public static class PointsRules
{
    public const long CheckIn = 1;
}
