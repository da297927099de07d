using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Engagement.Gateway;

/// <summary>
/// The development issuer: an HMAC key kept in a file beside the data, and tokens signed with it. Every node and
/// gateway that shares the data directory (or the key file) accepts the same tokens.
/// </summary>
public static class DevelopmentTokens
{
    public const string DefaultIssuer = "engagement-dev";
    public const string DefaultAudience = "engagement";
    public const string RolesClaim = "roles";

    /// <summary>Reads the key, creating it (readable by the owner only) on first use.</summary>
    public static SymmetricSecurityKey LoadOrCreateKey(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var stream = new FileStream(path, options);
                using var writer = new StreamWriter(stream);
                writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process on the same data directory created it first; use theirs.
            }
        }

        var bytes = Convert.FromBase64String(File.ReadAllText(path).Trim());
        return new SymmetricSecurityKey(bytes) { KeyId = "dev" };
    }

    /// <summary>Mints a token for <paramref name="subject"/> holding <paramref name="grants"/>.</summary>
    public static string Mint(SecurityKey key, string subject, IEnumerable<RoleGrant> grants, TimeSpan lifetime,
        string issuer = DefaultIssuer, string audience = DefaultAudience, DateTimeOffset? now = null)
    {
        var issuedAt = (now ?? DateTimeOffset.UtcNow).UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + lifetime,
            SigningCredentials = new SigningCredentials(key, key is SymmetricSecurityKey ? SecurityAlgorithms.HmacSha256 : SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = subject,
                [RolesClaim] = grants.Select(g => g.ToString()).ToArray(),
            },
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
