using System.Text.RegularExpressions;
using Microsoft.Extensions.FileProviders;
using Microsoft.IdentityModel.Tokens;

namespace Engagement.Gateway;

/// <summary>
/// The web console (built from web/ into <c>console/</c> beside the binaries) at the root of the gateway's ports, the
/// console's sign-in settings (<c>GET /console/auth-config</c>) and, only in development auth mode, the endpoint that
/// mints a development token for a chosen role (<c>POST /console/dev-token</c>; absent — 404 — otherwise), and who a
/// token makes its holder (<c>GET /console/me</c>, with the officer directory's roles).
/// </summary>
public static partial class ConsoleHosting
{
    /// <summary>Minted console tokens live this long; the console signs in again after.</summary>
    public static readonly TimeSpan DevelopmentTokenLifetime = TimeSpan.FromHours(12);

    public static WebApplication MapEngagementConsole(this WebApplication app, AuthOptions auth, SecurityKey? developmentKey)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "console");
        if (Directory.Exists(folder))
        {
            var files = new PhysicalFileProvider(folder);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                OnPrepareResponse = context =>
                {
                    // Hashed asset names never change content; index.html must be re-read to pick up a new build.
                    context.Context.Response.Headers.CacheControl = context.File.Name.EndsWith(".html", StringComparison.Ordinal)
                        ? "no-cache"
                        : "public, max-age=31536000, immutable";
                },
            });
        }

        var development = developmentKey is not null;
        app.MapGet("/console/auth-config", () => Results.Json(new
        {
            mode = development ? "development" : "external",
            authority = auth.Authority,
            clientId = development ? null : auth.ConsoleClientId,
            scope = auth.ConsoleScope,
        })).AllowAnonymous();
        // Who the console's token makes its holder, with the roles the platform's officer directory adds (a provider
        // that only signs people in issues tokens without roles): the console shows its pages by these.
        app.MapGet("/console/me", (HttpContext http) =>
        {
            var caller = CallerAccessor.FromPrincipal(http.User);
            return Results.Json(new { subject = caller.Subject, roles = caller.Grants.Select(g => g.ToString()).Distinct().ToArray() });
        });
        if (developmentKey is not null)
        {
            app.MapPost("/console/dev-token", (DevelopmentTokenRequest request) => MintForConsole(request, developmentKey, auth)).AllowAnonymous();
        }

        return app;
    }

    private static IResult MintForConsole(DevelopmentTokenRequest request, SecurityKey key, AuthOptions auth)
    {
        var scope = request.Scope?.Trim() ?? "";
        if (!IdPattern().IsMatch(scope) || RoleGrant.Parse($"{request.Role}:{scope}") is not { } grant)
        {
            return Results.BadRequest(new { error = "role must be member, secretary, committee-leader, merchant-staff or park-admin; scope an id of 1-64 characters a-z 0-9 - _" });
        }

        var subject = string.IsNullOrWhiteSpace(request.Subject) ? scope : request.Subject.Trim();
        if (subject.Length > 128)
        {
            return Results.BadRequest(new { error = "subject: at most 128 characters" });
        }

        var token = DevelopmentTokens.Mint(key, subject, [grant], DevelopmentTokenLifetime, auth.Issuer, auth.Audience);
        return Results.Json(new { token });
    }

    [GeneratedRegex("^[a-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();

    public sealed record DevelopmentTokenRequest(string? Role, string? Scope, string? Subject);
}
