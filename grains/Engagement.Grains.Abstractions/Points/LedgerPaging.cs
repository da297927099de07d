namespace Engagement;

/// <summary>How the ledger is cut into pages: entry <c>s</c> (from 1) lives on page <c>(s - 1) / PageSize</c>.</summary>
public static class LedgerPaging
{
    /// <summary>
    /// Entries kept in the member's own row before a page is sealed. Small enough that every award rewrites only
    /// a few kilobytes; large enough that sealing (one extra write) happens on 1 award in 32.
    /// </summary>
    public const int PageSize = 32;

    public const int MaxListPageSize = 100;

    public const int DefaultListPageSize = 20;

    public static string PageKey(string memberId, long page) => $"{memberId}/{page}";

    public static long PageOf(long sequence) => (sequence - 1) / PageSize;
}
