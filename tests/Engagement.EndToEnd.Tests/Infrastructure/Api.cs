using Engagement.Gateway;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.IdentityModel.Tokens;

namespace Engagement.EndToEnd;

/// <summary>Generated gRPC clients for one caller (one bearer token), over a real Kestrel port.</summary>
public sealed class Api(CallInvoker invoker)
{
    /// <summary>The caller's invoker, for calls built from the service descriptors.</summary>
    public CallInvoker Invoker { get; } = invoker;

    public V1.OrganizationService.OrganizationServiceClient Organization { get; } = new(invoker);

    public V1.PointsService.PointsServiceClient Points { get; } = new(invoker);

    public V1.RulesService.RulesServiceClient Rules { get; } = new(invoker);

    public V1.AuditService.AuditServiceClient Audit { get; } = new(invoker);

    public V1.MerchantService.MerchantServiceClient Merchants { get; } = new(invoker);

    public V1.RedemptionService.RedemptionServiceClient Redemptions { get; } = new(invoker);

    public V1.QuizService.QuizServiceClient Quiz { get; } = new(invoker);

    public V1.CourseService.CourseServiceClient Courses { get; } = new(invoker);

    public V1.EventService.EventServiceClient Events { get; } = new(invoker);

    public V1.LeaderboardService.LeaderboardServiceClient Leaderboards { get; } = new(invoker);

    public V1.BackOfficeService.BackOfficeServiceClient BackOffice { get; } = new(invoker);

    public V1.NoticeService.NoticeServiceClient Notices { get; } = new(invoker);

    public V1.AnalyticsService.AnalyticsServiceClient Analytics { get; } = new(invoker);

    /// <summary>Clients that send <paramref name="token"/> (none when null) on every call.</summary>
    public static Api For(GrpcChannel channel, string? token) =>
        new(token is null ? channel.CreateCallInvoker() : channel.Intercept(metadata =>
        {
            metadata.Add("authorization", $"Bearer {token}");
            return metadata;
        }));

    /// <summary>A token valid around real and fake "now" alike, so tests can move the domain clock by days.</summary>
    public static string Token(SecurityKey key, string subject, params RoleGrant[] grants) =>
        DevelopmentTokens.Mint(key, subject, grants, TimeSpan.FromDays(400), now: DateTimeOffset.UtcNow.AddDays(-1));
}
