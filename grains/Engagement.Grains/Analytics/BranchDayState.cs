namespace Engagement;

/// <summary>
/// A branch-day's figures, snapshotted every few seconds (derived state: what a crash loses is read back from the
/// ledger). <see cref="Seen"/> is, per member, the newest ledger sequence looked at; <see cref="Sealed"/> is set by
/// the first reconcile after the day ended.
/// </summary>
[GenerateSerializer, Alias("engagement.BranchDayState")]
public sealed class BranchDayState
{
    [Id(0)]
    public Dictionary<string, MemberDay> Members { get; set; } = new(StringComparer.Ordinal);

    [Id(1)]
    public Dictionary<string, long> Seen { get; set; } = new(StringComparer.Ordinal);

    [Id(2)]
    public bool Sealed { get; set; }
}
