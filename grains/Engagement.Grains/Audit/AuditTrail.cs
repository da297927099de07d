using System.Globalization;

namespace Engagement;

/// <summary>Where an administrative action is recorded: the park's audit grain for the park-local month.</summary>
public static class AuditTrail
{
    public static string Key(string parkId, DateOnly month) => $"{parkId}/{month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";

    /// <summary>The month of a <see cref="Key"/> (its first day).</summary>
    public static DateOnly MonthOf(string key) =>
        DateOnly.ParseExact(key[(key.LastIndexOf('/') + 1)..] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Task AppendAsync(IGrainFactory grains, string timeZone, AuditRecord record, string idempotencyKey) =>
        grains.GetGrain<IAuditGrain>(Key(record.ParkId, ParkClock.DayOf(record.At, timeZone)))
            .AppendAsync(record, $"{record.Action}:{record.Target}:{idempotencyKey}");

    /// <summary>As <see cref="AppendAsync"/>, looking up the park's time zone.</summary>
    public static async Task AppendInParkAsync(IGrainFactory grains, AuditRecord record, string idempotencyKey) =>
        await AppendAsync(grains, (await grains.GetGrain<IParkGrainInternal>(record.ParkId).GetInfoAsync()).TimeZone, record, idempotencyKey);
}
