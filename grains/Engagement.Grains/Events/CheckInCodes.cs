using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Engagement;

/// <summary>
/// Rotating check-in codes: six digits of HMAC-SHA256(event secret, window), a window being one
/// <see cref="EventLimits.CodeRotation"/> of Unix time. Without the secret nobody can tell the next code.
/// </summary>
internal static class CheckInCodes
{
    private static readonly long RotationSeconds = (long)EventLimits.CodeRotation.TotalSeconds;

    public static long Window(DateTimeOffset at) => Math.DivRem(at.ToUnixTimeSeconds(), RotationSeconds).Quotient;

    /// <summary>When <paramref name="window"/>'s code is replaced by the next.</summary>
    public static DateTimeOffset WindowEnd(long window) => DateTimeOffset.FromUnixTimeSeconds((window + 1) * RotationSeconds);

    public static string Compute(byte[] secret, long window)
    {
        Span<byte> message = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(message, window);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret, message, hash);
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>True for the code of the window of <paramref name="at"/> or of the one before (compared in constant time).</summary>
    public static bool Accepts(byte[] secret, string code, DateTimeOffset at)
    {
        var window = Window(at);
        var given = Encoding.ASCII.GetBytes(code);
        var current = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secret, window)), given);
        var previous = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secret, window - 1)), given);
        return current | previous;
    }
}
