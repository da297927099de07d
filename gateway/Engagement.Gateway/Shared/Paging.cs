using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Engagement.Gateway;

/// <summary>What a list call asked for, once its page_size and page_token were checked.</summary>
/// <param name="Size">The page size to serve: the request's, or the list's default when it asked for 0.</param>
/// <param name="Cursor">Where the previous page stopped (the list's own cursor text), or null for the first page.</param>
public sealed record PageRequest(int Size, string? Cursor);

/// <summary>
/// One paging style for every list RPC (AIP-158): <c>page_size</c> 0 means the list's default, above its maximum is
/// INVALID_ARGUMENT; <c>page_token</c> is opaque, issued by the same list for the same filter, and refused otherwise;
/// an empty <c>next_page_token</c> means the last page.
/// </summary>
/// <remarks>
/// A token is base64url of <c>v1|list|check|cursor</c>. The list name is inside and the check is a hash of the
/// request's filter fields and the cursor, so a token from another list, reused with other filters, or damaged on
/// the way is refused instead of silently paging something else. The cursor is each list's own text (a key, a
/// sequence, an offset). Tokens are not secrets: every page is checked against the caller like the first.
/// </remarks>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    private const string Version = "v1";

    /// <summary>Checks page_size and page_token, adding field violations to <paramref name="validator"/>.</summary>
    public static PageRequest Read(RequestValidator validator, string list, int pageSize, string pageToken,
        string filter = "", int defaultSize = DefaultPageSize, int maxSize = MaxPageSize)
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.Range("page_size", pageSize, 0, maxSize);
        string? cursor = null;
        if (!string.IsNullOrEmpty(pageToken) && !TryOpen(list, filter, pageToken, out cursor))
        {
            validator.Add("page_token", "is not a token this list issued for these filters");
        }

        return new PageRequest(pageSize <= 0 ? defaultSize : Math.Min(pageSize, maxSize), cursor);
    }

    /// <summary>The next_page_token for a page that stopped at <paramref name="cursor"/>; empty when there is no next page.</summary>
    public static string Next(string list, string? cursor, string filter = "") =>
        cursor is null
            ? ""
            : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('|', Version, list, Check(filter, cursor), cursor)));

    /// <summary>The next token for an offset-paged list: empty once <paramref name="nextOffset"/> reaches <paramref name="total"/>.</summary>
    public static string NextOffset(string list, int nextOffset, int total, string filter = "") =>
        nextOffset < total ? Next(list, nextOffset.ToString(CultureInfo.InvariantCulture), filter) : "";

    /// <summary>Reads an offset cursor written by <see cref="NextOffset"/>; 0 for the first page.</summary>
    public static int Offset(PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Cursor is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : 0;
    }

    private static bool TryOpen(string list, string filter, string token, out string? cursor)
    {
        cursor = null;
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = text.Split('|', 4);
        if (parts.Length != 4 || parts[0] != Version || parts[1] != list || parts[3].Length == 0 || parts[2] != Check(filter, parts[3]))
        {
            return false;
        }

        cursor = parts[3];
        return true;
    }

    private static string Check(string filter, string cursor) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{filter}\n{cursor}")).AsSpan(0, 8));
}
