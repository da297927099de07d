using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Engagement.Bench;

/// <summary>Mints tokens with the node's development key, as the node's own <c>token</c> command does.</summary>
public sealed class Tokens(string keyFile)
{
    private readonly SigningCredentials _credentials = new(
        new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(keyFile).Trim())) { KeyId = "dev" },
        SecurityAlgorithms.HmacSha256);

    private readonly JsonWebTokenHandler _handler = new();

    public string Mint(string subject, params string[] roles) => _handler.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "engagement-dev",
        Audience = "engagement",
        Expires = DateTime.UtcNow.AddHours(6),
        SigningCredentials = _credentials,
        Claims = new Dictionary<string, object> { ["sub"] = subject, ["roles"] = roles },
    });
}
