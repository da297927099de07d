using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Engagement.Browser;

/// <summary>
/// A small OpenID Connect provider for the console's external sign-in: discovery, a JWKS, an authorize endpoint that
/// signs in one fixed person at once, and a token endpoint that checks the PKCE verifier, the client and the
/// redirect, and hands out each code once. Its tokens carry no roles (it only signs people in).
/// </summary>
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "engagement-console";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string Challenge, string RedirectUri)> _codes = new();

    private FakeIdentityProvider(WebApplication app, string subject, RsaSecurityKey key, int port)
    {
        _app = app;
        Subject = subject;
        Key = key;
        Authority = $"http://127.0.0.1:{port}";
    }

    /// <summary>Who the provider signs in.</summary>
    public string Subject { get; }

    /// <summary>The provider's signing key (its public half is in the JWKS, where the node finds it).</summary>
    public RsaSecurityKey Key { get; }

    public string Authority { get; }

    /// <summary>Codes exchanged so far (each at most once).</summary>
    public int Exchanged { get; private set; }

    public static async Task<FakeIdentityProvider> StartAsync(string subject)
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "fake-idp" };
        var provider = new FakeIdentityProvider(app, subject, key, port);
        provider.Map(app);
        await app.StartAsync();
        return provider;
    }

    /// <summary>A token of this provider for another person, with roles (e.g. the park admin who appoints officers).</summary>
    public string Mint(string subject, params RoleGrant[] grants) => Api.Token(Key, subject, grants);

    private void Map(WebApplication app)
    {
        // The console runs on another origin (the node): discovery and the token endpoint answer it, as real providers do.
        app.Use(async (http, next) =>
        {
            http.Response.Headers.AccessControlAllowOrigin = "*";
            http.Response.Headers.AccessControlAllowHeaders = "content-type";
            if (HttpMethods.IsOptions(http.Request.Method))
            {
                http.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }

            await next(http);
        });
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new
        {
            issuer = Authority,
            authorization_endpoint = $"{Authority}/authorize",
            token_endpoint = $"{Authority}/token",
            jwks_uri = $"{Authority}/jwks",
            response_types_supported = new[] { "code" },
            subject_types_supported = new[] { "public" },
            id_token_signing_alg_values_supported = new[] { "RS256" },
            code_challenge_methods_supported = new[] { "S256" },
        }));
        app.MapGet("/jwks", () =>
        {
            var rsa = Key.Rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new
            {
                keys = new[] { new { kty = "RSA", kid = Key.KeyId, use = "sig", alg = "RS256", n = Base64UrlEncoder.Encode(rsa.Modulus), e = Base64UrlEncoder.Encode(rsa.Exponent) } },
            });
        });
        app.MapGet("/authorize", (HttpContext http) =>
        {
            var q = http.Request.Query;
            if (q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256"
                || string.IsNullOrEmpty(q["code_challenge"]) || string.IsNullOrEmpty(q["state"]) || string.IsNullOrEmpty(q["redirect_uri"]))
            {
                return Results.BadRequest("invalid_request");
            }

            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            _codes[code] = (q["code_challenge"]!, q["redirect_uri"]!);
            return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"]!)}");
        });
        app.MapPost("/token", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId
                || !_codes.TryRemove(form["code"].ToString(), out var issued) || issued.RedirectUri != form["redirect_uri"]
                || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != issued.Challenge)
            {
                return Results.BadRequest(new { error = "invalid_grant" });
            }

            Exchanged++;
            var token = Mint(Subject);
            return Results.Json(new { access_token = token, token_type = "Bearer", expires_in = 3600, id_token = token });
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
