using System.Collections.Frozen;
using System.Threading.RateLimiting;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Engagement.Gateway;

/// <summary>Per-caller write limits (section <c>Engagement:RateLimit</c>).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Engagement:RateLimit";

    /// <summary>Off only for a benchmark or a bulk load of one operator; on by default.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Writes a caller (one token subject) may make per minute, on average, across all gateways' share.</summary>
    public int WritesPerMinute { get; set; } = 600;

    /// <summary>Writes a caller may make at once before the per-minute rate applies (a secretary verifying a list).</summary>
    public int Burst { get; set; } = 300;
}

/// <summary>Browser origins allowed to call the API from other sites (section <c>Engagement:Cors</c>); none by default.</summary>
public sealed class CorsOptions
{
    public const string Section = "Engagement:Cors";

    public string[] AllowedOrigins { get; set; } = [];
}

/// <summary>
/// What every request meets before a service runs: authentication required unless an endpoint is marked anonymous
/// (the fallback policy, so a new RPC is never open by mistake), per-caller limits on writes (every RPC whose request
/// carries an idempotency key), and CORS for an explicit list of browser origins.
/// </summary>
public static class EdgeGuards
{
    private const string CorsPolicy = "engagement-origins";

    /// <summary>gRPC method paths (<c>/engagement.v1.PointsService/CheckIn</c>) of every write: requests with an idempotency key.</summary>
    public static FrozenSet<string> WriteMethods { get; } = AllFiles()
        .SelectMany(f => f.Services)
        .SelectMany(s => s.Methods)
        .Where(m => m.InputType.FindFieldByName("idempotency_key") is not null)
        .Select(m => $"/{m.Service.FullName}/{m.Name}")
        .ToFrozenSet(StringComparer.Ordinal);

    public static WebApplicationBuilder AddEngagementEdgeGuards(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, RefuseAsTheApiDoes>();

        var limits = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddSingleton(limits);
        if (limits.Enabled)
        {
            builder.Services.AddRateLimiter(rate =>
            {
                rate.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => IsWrite(http) && Subject(http) is { } subject
                    ? RateLimitPartition.GetTokenBucketLimiter(subject, _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = Math.Max(1, limits.Burst),
                        TokensPerPeriod = Math.Max(1, limits.WritesPerMinute / 60),
                        ReplenishmentPeriod = limits.WritesPerMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromMinutes(1.0 / Math.Max(1, limits.WritesPerMinute)),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
                rate.OnRejected = (context, _) => new ValueTask(EdgeErrors.WriteAsync(context.HttpContext, Refusal(context.Lease, limits)));
            });
        }

        var cors = builder.Configuration.GetSection(CorsOptions.Section).Get<CorsOptions>() ?? new CorsOptions();
        if (cors.AllowedOrigins.Length > 0)
        {
            builder.Services.AddCors(options => options.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins(cors.AllowedOrigins)
                .WithMethods("GET", "POST")
                .WithHeaders("authorization", "content-type", "x-grpc-web", "x-user-agent", "grpc-timeout")
                .WithExposedHeaders("grpc-status", "grpc-message", "grpc-status-details-bin", "retry-after")
                .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        }

        return builder;
    }

    /// <summary>CORS first (a browser's preflight carries no token), before authentication.</summary>
    public static WebApplication UseEngagementCors(this WebApplication app)
    {
        var cors = app.Configuration.GetSection(CorsOptions.Section).Get<CorsOptions>() ?? new CorsOptions();
        if (cors.AllowedOrigins.Length > 0)
        {
            app.UseCors(CorsPolicy);
        }

        return app;
    }

    /// <summary>After authentication: the fallback policy, then the write limits (per authenticated caller).</summary>
    public static WebApplication UseEngagementEdgeGuards(this WebApplication app)
    {
        app.UseAuthorization();
        if (app.Services.GetRequiredService<RateLimitOptions>().Enabled)
        {
            app.UseRateLimiter();
        }

        return app;
    }

    private static IEnumerable<Google.Protobuf.Reflection.FileDescriptor> AllFiles() =>
        typeof(V1.CheckInRequest).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Reflection", StringComparison.Ordinal) && t.Namespace == "Engagement.V1")
            .Select(t => t.GetProperty("Descriptor")?.GetValue(null))
            .OfType<Google.Protobuf.Reflection.FileDescriptor>();

    private static bool IsWrite(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is { } grpc && WriteMethods.Contains(grpc.Method.FullName);

    private static string? Subject(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true ? http.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value : null;

    private static EngagementException Refusal(RateLimitLease lease, RateLimitOptions limits)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : TimeSpan.FromSeconds(1);
        return EngagementException.ResourceExhausted(ErrorReasons.RateLimited,
                $"Too many writes: at most {limits.WritesPerMinute} a minute per caller; retry with the same idempotency key later.")
            .With("limitPerMinute", limits.WritesPerMinute)
            .RetryIn(retryAfter);
    }

    /// <summary>A refused authorization answered like an RPC's own Unauthenticated: ErrorInfo UNAUTHENTICATED, in gRPC or JSON.</summary>
    private sealed class RefuseAsTheApiDoes : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
            authorizeResult.Challenged switch
            {
                // No endpoint matched: nothing to protect, and an unknown path stays 404 (not 401) for everyone.
                true when context.GetEndpoint() is null => next(context),
                true => EdgeErrors.WriteAsync(context, EngagementException.Unauthenticated("A valid bearer token is required (authorization: Bearer <token>).")),
                false => _default.HandleAsync(next, context, policy, authorizeResult),
            };
    }
}
