namespace Engagement;

public static class NoticeBoards
{
    /// <summary>How many notices a board keeps (the newest).</summary>
    public const int Kept = 200;

    public static string Key(NoticeAudience audience, string id) => $"{audience.ToString().ToLowerInvariant()}:{id}";
}
