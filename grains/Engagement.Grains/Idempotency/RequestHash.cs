using System.Security.Cryptography;
using System.Text.Json;

namespace Engagement;

/// <summary>
/// The hash of a write's request as a grain sees it (its normalised arguments, never the idempotency key), so a key
/// replayed with another request is told apart from a retry.
/// </summary>
internal static class RequestHash
{
    public static string Of(params object?[] fields) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(fields)))[..32];
}
