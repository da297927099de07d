using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Engagement.Gateway;

/// <summary>The opaque cursor of ListLedger: "older than sequence N", base64url-encoded.</summary>
public static class LedgerPageToken
{
    private const string Prefix = "ledger-before:";

    public static string Format(long? beforeSequence) =>
        beforeSequence is { } before ? Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + before.ToString(CultureInfo.InvariantCulture))) : "";

    public static bool TryParse(string token, out long beforeSequence)
    {
        beforeSequence = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            return text.StartsWith(Prefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out beforeSequence)
                && beforeSequence > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
