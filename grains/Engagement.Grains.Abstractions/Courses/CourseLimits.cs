namespace Engagement;

/// <summary>The bounds of a course, shared by the gateway's validation and the grains' own checks.</summary>
public static class CourseLimits
{
    public const int TitleLength = 100;
    public const int DescriptionLength = 2000;
    public const int MaxTags = 10;
    public const int TagLength = 20;
    public const int MaxEpisodes = 100;
    public const int MinEpisodeSeconds = 60;
    public const int MaxEpisodeSeconds = 4 * 60 * 60;
}
