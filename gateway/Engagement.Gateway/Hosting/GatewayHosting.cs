using System.Net;
using Google.Protobuf.Reflection;
using Google.Rpc;
using System.Net.Sockets;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;

namespace Engagement.Gateway;

/// <summary>Wiring of the gRPC gateway, shared by the all-in-one node and the standalone gateway.</summary>
public static partial class GatewayHosting
{
    /// <summary>Kestrel endpoints, gRPC (+ gRPC-Web, JSON transcoding, health, reflection) and bearer authentication.</summary>
    public static WebApplicationBuilder AddEngagementGateway(this WebApplicationBuilder builder)
    {
        var gateway = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = IPAddress.Parse(gateway.Host);
            kestrel.Listen(address, gateway.GrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            if (gateway.HttpPort >= 0)
            {
                kestrel.Listen(address, gateway.HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
            }
        });

        builder.Services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<ErrorInterceptor>();
            grpc.EnableDetailedErrors = false;
        }).AddJsonTranscoding(json =>
        {
            // Error details travel as google.protobuf.Any; JSON needs to know their types to write them.
            json.TypeRegistry = TypeRegistry.FromMessages(ErrorInfo.Descriptor, BadRequest.Descriptor, RetryInfo.Descriptor);
            // Proto3 JSON: int64 as strings, so no JavaScript client rounds a large figure.
            json.JsonSettings.WriteInt64sAsStrings = true;
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddEngagementOpenApi(builder.Configuration);
        // The transcoder logs a client's malformed JSON with a stack trace at information level; JsonRouteErrors
        // answers it with an ErrorInfo instead, and such a request is not worth a log entry of its own.
        builder.Logging.AddFilter("Grpc.AspNetCore.Grpc.JsonTranscoding", LogLevel.Warning);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ClusterHealthCheck>();
        builder.Services.AddSingleton<LiveHub>();
        builder.Services.AddSingleton<OfficerRoles>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OfficerRoles>());
        builder.Services.AddGrpcHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: [Readiness.Tag]);
        builder.AddEngagementOperations();
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (!IsExternal(auth) && !builder.Environment.IsDevelopment() && !auth.AllowDevelopmentSigning)
        {
            throw new StartupRefusedException(
                $"Development signing (tokens signed with the node's own key file) is refused in the '{builder.Environment.EnvironmentName}' environment: " +
                "configure an identity provider (--Engagement:Auth:Mode=external --Engagement:Auth:Authority=<issuer URL>), run in Development " +
                "(DOTNET_ENVIRONMENT=Development, as dotnet run does), or accept it knowingly with --Engagement:Auth:AllowDevelopmentSigning=true.", exitCode: 4);
        }

        // Created now, not on the first request, so the token command and the benchmark find it after start-up.
        var developmentKey = IsExternal(auth) ? null : DevelopmentTokens.LoadOrCreateKey(SigningKeyFile(builder.Configuration, auth));
        builder.Services.AddSingleton(new ConsoleSignIn(auth, developmentKey));
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt => ConfigureJwt(jwt, auth, developmentKey));
        builder.AddEngagementEdgeGuards();
        return builder;
    }

    public static WebApplication MapEngagementGateway(this WebApplication app)
    {
        var signIn = app.Services.GetRequiredService<ConsoleSignIn>();
        app.MapEngagementConsole(signIn.Auth, signIn.DevelopmentKey);
        app.MapEngagementOpenApi();
        app.UseEngagementCors();
        app.UseAuthentication();
        app.Use(OfficerRoles.AddRolesAsync);
        app.UseJsonRouteErrors();
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        app.UseEngagementEdgeGuards();
        app.MapGrpcService<OrganizationService>();
        app.MapGrpcService<BackOfficeService>();
        app.MapGrpcService<NoticeService>();
        app.MapGrpcService<PointsService>();
        app.MapGrpcService<RulesService>();
        app.MapGrpcService<AuditService>();
        app.MapGrpcService<MerchantService>();
        app.MapGrpcService<RedemptionService>();
        app.MapSettlementCsv();
        app.MapGrpcService<AnalyticsService>();
        app.MapAnalyticsCsv();
        app.MapGrpcService<CourseService>();
        app.MapGrpcService<QuizService>();
        app.MapGrpcService<EventService>();
        app.MapGrpcService<LeaderboardService>();
        app.MapGrpcService<InsightsService>();
        // Anonymous by intent (everything else needs a token: the fallback policy in EdgeGuards).
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapEngagementOperations();
        app.MapGrpcReflectionService().AllowAnonymous();
        app.Lifetime.ApplicationStarted.Register(() => LogListening(app));
        return app;
    }

    /// <summary>Runs the app; a port that is taken ends the process at once with a message saying which and how to change it.</summary>
    public static async Task<int> RunGatewayAsync(this WebApplication app)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync(
                $"Cannot listen: {e.Message} Another process uses the port; choose others with " +
                "--Engagement:Gateway:GrpcPort=<port> --Engagement:Gateway:HttpPort=<port> (or the Engagement__Gateway__GrpcPort environment variable).");
            return 2;
        }
    }

    /// <summary>What the console's sign-in endpoints need: the auth settings and the development key (null in external mode).</summary>
    private sealed record ConsoleSignIn(AuthOptions Auth, SecurityKey? DevelopmentKey);

    private static bool IsExternal(AuthOptions auth) => string.Equals(auth.Mode, "external", StringComparison.OrdinalIgnoreCase);

    private static void ConfigureJwt(JwtBearerOptions jwt, AuthOptions auth, SecurityKey? developmentKey)
    {
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Issuer,
            ValidAudience = auth.Audience,
            ClockSkew = TimeSpan.FromMinutes(1),
            NameClaimType = "sub",
        };
        if (developmentKey is null)
        {
            jwt.Authority = auth.Authority ?? throw new InvalidOperationException("Engagement:Auth:Authority is required in external mode.");
            jwt.RequireHttpsMetadata = auth.RequireHttpsMetadata;
            return;
        }

        jwt.TokenValidationParameters.IssuerSigningKey = developmentKey;
    }

    /// <summary>The development key file every process of a node shares.</summary>
    public static string SigningKeyFile(IConfiguration configuration, AuthOptions? auth = null)
    {
        auth ??= configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        return auth.SigningKeyFile is { Length: > 0 } file ? Path.GetFullPath(file) : Path.Combine(StorageSettings.DataDirectory(configuration), "dev-signing-key");
    }

    private static void LogListening(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            LogListeningOn(app.Logger, address);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Engagement gateway listening on {Address}")]
    private static partial void LogListeningOn(ILogger logger, string address);
}
