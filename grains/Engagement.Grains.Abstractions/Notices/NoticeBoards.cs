namespace Engagement;

public static class NoticeBoards
{
    /// <summary>How many notices a board keeps (the newest).</summary>
    public const int Kept = 200;

    public static string Key(NoticeAudience audience, string id) => $"{audience.ToString().ToLowerInvariant()}:{id}";

    /// <summary>The board key of a notice id (<c>{board key}/{sequence}</c>).</summary>
    public static string BoardOf(string noticeId) => noticeId[..noticeId.LastIndexOf('/')];

    /// <summary>The sequence number of a notice id within its board.</summary>
    public static long SequenceOf(string noticeId) =>
        long.Parse(noticeId.AsSpan(noticeId.LastIndexOf('/') + 1), System.Globalization.CultureInfo.InvariantCulture);
}
