using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Engagement;

/// <summary>
/// The domain's own instruments, all on one meter (<see cref="MeterName"/>), recorded by grains, the gateway and the
/// silo's grain storage. Exported (Prometheus <c>/metrics</c>, OTLP) when the host turns telemetry on; recording into
/// an instrument nobody listens to costs next to nothing. docs/operations.md lists them with their units.
/// </summary>
public static class EngagementMetrics
{
    public const string MeterName = "Engagement";

    private static readonly double[] SecondsBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
    private static readonly Meter Meter = new(MeterName, "1.0");

    private static readonly Counter<long> PointsAwarded = Meter.CreateCounter<long>(
        "engagement.points.awarded", "{point}", "Points credited to members' ledgers by earning activities (after daily caps).");

    private static readonly Counter<long> BoardPasses = Meter.CreateCounter<long>(
        "engagement.board.reconciles", "{pass}",
        "Boards' comparisons with the ledgers of their scope (how: full, a pass that visited every member; resumed_in_sync, a re-activated board that skipped it because it was put away in sync and the cluster did not change).");

    private static readonly Counter<long> BoardMembersVisited = Meter.CreateCounter<long>(
        "engagement.board.reconcile.members", "{member}", "Member grains asked for their ledger's tail by boards' full comparisons.");

    private static readonly Counter<long> CheckIns = Meter.CreateCounter<long>(
        "engagement.checkins", "{check-in}", "Daily check-ins accepted (result: checked_in, or already_checked_in for a second one the same day).");

    private static readonly Histogram<double> RedemptionValidate = Meter.CreateHistogram(
        "engagement.redemption.validate.duration", "s", "Time the gateway took to validate a redemption code at the counter.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

    private static readonly Histogram<double> RedemptionConfirm = Meter.CreateHistogram(
        "engagement.redemption.confirm.duration", "s", "Time the gateway took to confirm a redemption at the counter.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

    private static readonly Histogram<double> BoardLag = Meter.CreateHistogram(
        "engagement.board.lag", "s", "From a ledger entry's time to its application on a leaderboard.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

    private static readonly UpDownCounter<long> Watches = Meter.CreateUpDownCounter<long>(
        "engagement.live.watches", "{watch}", "Live watch streams open on this gateway (leaderboards, redemption status, notices).");

    private static readonly Histogram<int> StorageBatchSize = Meter.CreateHistogram(
        "engagement.storage.batch.size", "{operation}", "Grain storage operations committed together in one batch.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512] });

    private static readonly Histogram<double> StorageCommit = Meter.CreateHistogram(
        "engagement.storage.commit.duration", "s", "Time to execute and commit one grain storage batch.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

    /// <summary>Points credited for <paramref name="activity"/> (nothing for an entry capped to none).</summary>
    public static void Awarded(Activity activity, long points)
    {
        if (points > 0)
        {
            PointsAwarded.Add(points, new KeyValuePair<string, object?>("activity", ActivityTag(activity)));
        }
    }

    public static void CheckedIn(bool alreadyCheckedIn) =>
        CheckIns.Add(1, new KeyValuePair<string, object?>("result", alreadyCheckedIn ? "already_checked_in" : "checked_in"));

    /// <summary>A validate that started at <paramref name="startedAt"/> (<see cref="Stopwatch.GetTimestamp"/>) ended.</summary>
    public static void RedemptionValidated(long startedAt, bool succeeded) =>
        RedemptionValidate.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, Outcome(succeeded));

    /// <summary>A confirm that started at <paramref name="startedAt"/> (<see cref="Stopwatch.GetTimestamp"/>) ended.</summary>
    public static void RedemptionConfirmed(long startedAt, bool succeeded) =>
        RedemptionConfirm.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, Outcome(succeeded));

    /// <summary>A board of <paramref name="scope"/> applied an entry <paramref name="lag"/> after it was written.</summary>
    public static void BoardApplied(string scope, TimeSpan lag) =>
        BoardLag.Record(Math.Max(lag.TotalSeconds, 0), new KeyValuePair<string, object?>("scope", scope));

    /// <summary>A board of <paramref name="scope"/> compared itself with <paramref name="members"/> members' ledgers.</summary>
    public static void BoardReconciled(string scope, int members)
    {
        BoardPasses.Add(1, new KeyValuePair<string, object?>("scope", scope), new KeyValuePair<string, object?>("how", "full"));
        BoardMembersVisited.Add(members, new KeyValuePair<string, object?>("scope", scope));
    }

    /// <summary>A re-activated board of <paramref name="scope"/> skipped its comparison: put away in sync, cluster unchanged.</summary>
    public static void BoardResumedInSync(string scope) =>
        BoardPasses.Add(1, new KeyValuePair<string, object?>("scope", scope), new KeyValuePair<string, object?>("how", "resumed_in_sync"));

    /// <summary>A watch stream of <paramref name="kind"/> opened (+1) or closed (-1).</summary>
    public static void Watch(string kind, int delta) => Watches.Add(delta, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>A grain storage batch of <paramref name="size"/> operations took <paramref name="elapsed"/>.</summary>
    public static void StorageBatch(string provider, int size, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("provider", provider);
        StorageBatchSize.Record(size, tag);
        StorageCommit.Record(elapsed.TotalSeconds, tag);
    }

    private static KeyValuePair<string, object?> Outcome(bool succeeded) => new("outcome", succeeded ? "ok" : "error");

    private static string ActivityTag(Activity activity) => activity switch
    {
        Activity.CheckIn => "check_in",
        Activity.CheckInStreak => "check_in_streak",
        Activity.Quiz => "quiz",
        Activity.CourseEpisode => "course_episode",
        Activity.CourseCompleted => "course_completed",
        Activity.EventOnSite => "event_on_site",
        Activity.EventRemote => "event_remote",
        _ => activity.ToString().ToLowerInvariant(),
    };
}
