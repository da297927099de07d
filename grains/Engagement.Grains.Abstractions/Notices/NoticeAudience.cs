namespace Engagement;

/// <summary>Who a notice is for: every member of a park, of a committee or of a branch.</summary>
[Alias("engagement.NoticeAudience")]
public enum NoticeAudience
{
    Park = 1,
    Committee = 2,
    Branch = 3,
}
