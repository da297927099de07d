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
}
