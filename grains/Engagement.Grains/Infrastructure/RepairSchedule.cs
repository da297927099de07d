using System.Diagnostics;

namespace Engagement;

/// <summary>
/// When derived state (leaderboards, analytics days) compares itself with every ledger of its scope on its periodic
/// timer. Points events go missing when a silo dies with events in flight (a member whose publish failed retries it
/// itself, and a consumer that fails is redelivered to by the stream), so the full pass is due after the cluster's
/// membership changed (a silo left, was suspected or joined) and otherwise only as a slow safety net. A pass visits
/// every member grain of the scope: done every few minutes, as before, it kept all of them (100,000 in the
/// benchmark) activated for ever and cost a grain call per member per board each time.
/// </summary>
internal sealed class RepairSchedule(IClusterMembershipService membership)
{
    /// <summary>Even in a cluster that never changed, every scope is compared with the ledgers this often.</summary>
    public static readonly TimeSpan SafetyNet = TimeSpan.FromHours(6);

    private MembershipVersion? _passedAt;
    private long _passedTimestamp;

    /// <summary>True before the first pass, after a membership change since the last one, or when the safety net is due.</summary>
    public bool Due => _passedAt != membership.CurrentSnapshot.Version || Stopwatch.GetElapsedTime(_passedTimestamp) >= SafetyNet;

    /// <summary>Call at the start of a pass; give the result to <see cref="Passed"/> when it completed.</summary>
    public MembershipVersion Begin() => membership.CurrentSnapshot.Version;

    /// <summary>
    /// The cluster's membership as it is now: its version and its active silos (addresses with their start times). Two
    /// equal strings mean no silo joined, left or died in between, also across a re-created membership table.
    /// </summary>
    public string Membership()
    {
        var snapshot = membership.CurrentSnapshot;
        var silos = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress.ToParsableString()).Order(StringComparer.Ordinal);
        return $"{snapshot.Version.Value};{string.Join(',', silos)}";
    }

    /// <summary>
    /// For derived state that was put away in sync: counts as passed if the membership is still
    /// <paramref name="inSyncWith"/> (see <see cref="Membership"/>); false, and due as before, otherwise.
    /// </summary>
    public bool ResumeIfUnchanged(string inSyncWith)
    {
        var now = membership.CurrentSnapshot.Version;
        if (!string.Equals(inSyncWith, Membership(), StringComparison.Ordinal))
        {
            return false;
        }

        Passed(now);
        return true;
    }

    public void Passed(MembershipVersion startedAt)
    {
        _passedAt = startedAt;
        _passedTimestamp = Stopwatch.GetTimestamp();
    }
}
