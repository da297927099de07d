using System.Reflection;

namespace Engagement.EndToEnd;

/// <summary>
/// The trust boundary the compiler keeps: the gateway references only the grain abstractions, and what grains call on
/// each other without a caller check (a member's awards, holds, spending, ledger read-back) lives in the grains
/// assembly, out of the gateway's reach.
/// </summary>
public sealed class GrainBoundaryTests
{
    /// <summary>
    /// Grain methods in the abstractions that take no <see cref="Caller"/>, as of this list. It may only shrink: a new
    /// method without a caller goes into an internal interface in the grains assembly (as IMemberGrainInternal), or,
    /// when the gateway really needs it (the officer directory's change feed), here with its reason.
    /// </summary>
    private static readonly HashSet<string> KnownWithoutCaller = new(StringComparer.Ordinal)
    {
        "IBoardBatcherGrain.EnqueueAsync",
        "IBoardLocatorGrain.LocateAsync",
        "IBranchGrain.AddMemberAsync",
        "IBranchGrain.CountMembersAsync",
        "IBranchGrain.GetInfoAsync",
        "IBranchGrain.ListMembersAsync",
        "IBranchGrain.ListMembersSinceAsync",
        "IBranchGrain.RemoveMemberAsync",
        "IBranchTransfersGrain.AddAsync",
        "IBranchTransfersGrain.RemoveAsync",
        "ICommitteeGrain.AddBranchAsync",
        "ICommitteeGrain.GetInfoAsync",
        "ICommitteeGrain.GetRulesAsync",
        "ICommitteeGrain.ListBranchesAsync",
        "ICourseGrain.GetInfoAsync",
        "ICourseProgressGrain.SummarizeAsync",
        "IEventCalendarGrain.AddAsync",
        "IEventCalendarGrain.ListEndingAfterAsync",
        "IEventGrain.GetMemberViewAsync",
        "ILeaderboardGrain.ApplyAsync",
        "ILeaderboardGrain.ApplyBatchAsync",
        "ILeaderboardGrain.ReconcileAsync",
        "ILeaderboardGrain.RenameAsync",
        "ILeaderboardGrain.ReportBranchAsync",
        "IMerchantGrain.CommitAsync",
        "IMerchantGrain.DayOfAsync",
        "IMerchantGrain.GetInfoAsync",
        "IMerchantGrain.ReleaseAsync",
        "IMerchantGrain.ReserveAsync",
        "IMerchantGrain.ReturnAsync",
        "INoticeBoardGrain.CountReadsAsync",
        "INoticeBoardGrain.ListAsync",
        "IOfficerDirectoryGrain.ChangedSinceAsync",
        "IParkGrain.AddCommitteeAsync",
        "IParkGrain.AddMerchantAsync",
        "IParkGrain.GetInfoAsync",
        "IParkGrain.GetRulesAsync",
        "IParkGrain.ListCommitteesAsync",
        "IParkGrain.ListMerchantsAsync",
        "IQuizBankGrain.DrawAsync",
        "IRedemptionHistoryGrain.RecordAsync",
    };

    private static readonly Assembly Abstractions = typeof(IMemberGrain).Assembly;

    [Fact]
    public void TheGatewayReferencesTheAbstractionsButNotTheGrains()
    {
        var references = typeof(Engagement.Gateway.GatewayHosting).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.Contains(Abstractions.GetName().Name, references);
        Assert.DoesNotContain(typeof(MemberGrain).Assembly.GetName().Name, references);
        Assert.False(typeof(IMemberGrainInternal).Assembly == Abstractions, "the member's internal interface must not be in the abstractions");
    }

    [Fact]
    public void EveryMethodOfTheMemberGrainTheGatewaySeesChecksItsCaller()
    {
        var unchecked_ = typeof(IMemberGrain).GetMethods().Where(m => !TakesCaller(m)).Select(m => m.Name).ToList();

        Assert.Empty(unchecked_);
    }

    [Fact]
    public void NoNewGrainMethodWithoutACallerAppearsWhereTheGatewayCanCallIt()
    {
        var actual = Abstractions.GetTypes()
            .Where(t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods().Where(m => !TakesCaller(m)).Select(m => $"{t.Name}.{m.Name}"))
            .ToHashSet(StringComparer.Ordinal);

        var added = actual.Except(KnownWithoutCaller).Order(StringComparer.Ordinal).ToList();
        var removed = KnownWithoutCaller.Except(actual).Order(StringComparer.Ordinal).ToList();
        Assert.True(added.Count == 0, "Grain methods without a Caller the gateway could call (move them to an internal interface in the grains assembly):\n"
            + string.Join(",\n", added.Select(a => $"\"{a}\"")));
        Assert.True(removed.Count == 0, "No longer in the abstractions (take them off the list): " + string.Join(", ", removed));
    }

    private static bool TakesCaller(MethodInfo method) => method.GetParameters().Any(p => p.ParameterType == typeof(Caller));
}
