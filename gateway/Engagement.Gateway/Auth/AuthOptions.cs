namespace Engagement.Gateway;

/// <summary>How callers are authenticated (section <c>Engagement:Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "Engagement:Auth";

    /// <summary>
    /// "development": tokens signed with a key the node creates under the data directory, minted by the
    /// <c>token</c> command. "external": tokens of an OpenID Connect provider at <see cref="Authority"/>.
    /// </summary>
    public string Mode { get; set; } = "development";

    /// <summary>The development signing key; default <c>{Engagement:DataDirectory}/dev-signing-key</c>.</summary>
    public string? SigningKeyFile { get; set; }

    public string Issuer { get; set; } = DevelopmentTokens.DefaultIssuer;

    public string Audience { get; set; } = DevelopmentTokens.DefaultAudience;

    /// <summary>
    /// Development mode outside the Development environment: refused at start unless this is true (anyone who can read
    /// the key file can mint any role, so it is a deliberate choice, e.g. for a benchmark cluster).
    /// </summary>
    public bool AllowDevelopmentSigning { get; set; }

    /// <summary>The external identity provider (external mode only).</summary>
    public string? Authority { get; set; }

    /// <summary>
    /// The console's client id at the external provider (a public client: authorization code with PKCE, no secret;
    /// its redirect URI is the console's root, e.g. <c>https://engagement.example.cn/</c>). Without it the console
    /// cannot sign anyone in in external mode and says so.
    /// </summary>
    public string? ConsoleClientId { get; set; }

    /// <summary>The scopes the console asks the provider for (its access token must be for <see cref="Audience"/>).</summary>
    public string ConsoleScope { get; set; } = "openid profile";

    /// <summary>Metadata of the provider over HTTPS only (turn off only for a provider on localhost, e.g. in tests).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
