using System.Collections.Concurrent;

namespace Engagement;

/// <summary>Park-local calendar days. "A day" on the platform is always a day in the park's time zone.</summary>
public static class ParkClock
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    /// <summary>Resolves an IANA zone id; null when the machine does not know it.</summary>
    public static TimeZoneInfo? TryResolve(string timeZoneId)
    {
        if (Zones.TryGetValue(timeZoneId, out var zone))
        {
            return zone;
        }

        try
        {
            return Zones.GetOrAdd(timeZoneId, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>The park-local date of <paramref name="instant"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset instant, string timeZoneId)
    {
        var zone = TryResolve(timeZoneId) ?? throw new InvalidOperationException($"Unknown time zone '{timeZoneId}'.");
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }
}
