using Grpc.Core.Interceptors;

namespace Engagement.EndToEnd;

/// <summary>InsightsService clients for any caller of a test node, and the park-local clock the insights tests move.</summary>
public static class InsightsClients
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById(ParkClock.DefaultTimeZone);

    public static V1.InsightsService.InsightsServiceClient Insights(this TestNode node, string subject, params RoleGrant[] grants)
    {
        var token = node.Token(subject, grants);
        return new(node.Channel.Intercept(metadata =>
        {
            metadata.Add("authorization", $"Bearer {token}");
            return metadata;
        }));
    }

    public static V1.InsightsService.InsightsServiceClient MemberInsights(this TestNode node, string memberId) =>
        node.Insights(memberId, new RoleGrant(Role.Member, memberId));

    /// <summary>The shared fake clock's time on the park's wall clock (Asia/Shanghai, UTC+8 all year).</summary>
    public static DateTime LocalNow(this TestNode node) => TimeZoneInfo.ConvertTime(node.Time.GetUtcNow(), Shanghai).DateTime;

    public static DateOnly Today(this TestNode node) => DateOnly.FromDateTime(node.LocalNow());

    /// <summary>Moves the shared clock forward to the next park-local <paramref name="hour"/>:00 (never backwards).</summary>
    public static void AdvanceToLocalHour(this TestNode node, int hour)
    {
        var local = node.LocalNow();
        var target = local.Date.AddHours(hour);
        if (target <= local)
        {
            target = target.AddDays(1);
        }

        node.Time.Advance(target - local);
    }

    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
