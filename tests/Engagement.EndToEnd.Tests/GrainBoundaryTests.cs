using System.Reflection;

namespace Engagement.EndToEnd;

/// <summary>
/// The trust boundary the compiler keeps: the gateway references only the grain abstractions, and what grains call on
/// each other without a caller check (a member's awards and holds, a merchant's stock, a branch's roster, infos and
/// rules, pages and histories) lives in the grains assembly, out of the gateway's reach.
/// </summary>
public sealed class GrainBoundaryTests
{
    /// <summary>
    /// Grain methods in the abstractions that take no <see cref="Caller"/>: none. A new one goes into an internal
    /// interface in the grains assembly (as IMemberGrainInternal, ILeaderboardGrainInternal…), or, when the gateway
    /// really needs it, into <see cref="CalledByTheGateway"/> with its reason.
    /// </summary>
    private static readonly HashSet<string> KnownWithoutCaller = new(StringComparer.Ordinal);

    /// <summary>Caller-less methods the gateway itself calls, each with why it may.</summary>
    private static readonly Dictionary<string, string> CalledByTheGateway = new(StringComparer.Ordinal)
    {
        ["IOfficerDirectoryGrain.ChangedSinceAsync"] =
            "the gateway's own feed of appointed offices, polled to build every Caller: it runs before any caller exists and takes no client input",
        ["IBoardLocatorGrain.LocateAsync"] =
            "turns a request's scope and period into a board key (reading only the park's time zone) and returns nothing else: the board it names checks the caller on every read and watch",
    };

    /// <summary>Grain interfaces only grains use: whole, they live in the grains assembly.</summary>
    private static readonly string[] InternalInterfaces =
    [
        "IAuditGrain", "IAuditPageGrain", "IBoardBatcherGrain", "IBranchDayGrain", "ICourseCatalogGrain", "IIdempotencyPageGrain", "ILedgerPageGrain",
        "IMemberEventHistoryGrain", "IMemberQuizHistoryGrain", "IPointsFeedGrain", "IQuizDayGrain", "IRedemptionCodeGrain",
    ];

    private static readonly Assembly Abstractions = typeof(IMemberGrain).Assembly;

    private static readonly Assembly Grains = typeof(MemberGrain).Assembly;

    [Fact]
    public void TheGatewayReferencesTheAbstractionsButNotTheGrains()
    {
        var references = typeof(Engagement.Gateway.GatewayHosting).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.Contains(Abstractions.GetName().Name, references);
        Assert.DoesNotContain(Grains.GetName().Name, references);
    }

    [Fact]
    public void InternalGrainInterfacesLiveInTheGrainsAssembly()
    {
        var internals = Grains.GetTypes().Where(t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t) && t.Name.EndsWith("Internal", StringComparison.Ordinal)).ToList();

        // Each …Internal interface is implemented by the grain that implements its caller-facing one in the abstractions.
        foreach (var name in new[] { "IBranchGrain", "IBranchTransfersGrain", "ICommitteeGrain", "ICourseGrain", "ICourseProgressGrain",
            "IEventCalendarGrain", "IEventGrain", "IMemberGrain", "IMerchantGrain", "INoticeBoardGrain", "IParkGrain", "IQuizBankGrain",
            "IRedemptionHistoryGrain" })
        {
            var facing = Abstractions.GetType($"Engagement.{name}");
            var inner = internals.SingleOrDefault(t => t.Name == name + "Internal");
            Assert.True(facing is not null && inner is not null, $"{name} in the abstractions and {name}Internal in the grains assembly");
            Assert.Contains(Grains.GetTypes(), g => !g.IsAbstract && facing!.IsAssignableFrom(g) && inner!.IsAssignableFrom(g));
        }

        Assert.DoesNotContain(Abstractions.GetTypes(), t => t.IsInterface && t.Name.EndsWith("Internal", StringComparison.Ordinal));
        foreach (var name in InternalInterfaces)
        {
            Assert.True(Abstractions.GetType($"Engagement.{name}") is null, $"{name} is for grains only: it belongs in the grains assembly");
            Assert.NotNull(Grains.GetType($"Engagement.{name}"));
        }
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

        var known = KnownWithoutCaller.Concat(CalledByTheGateway.Keys).ToHashSet(StringComparer.Ordinal);
        var added = actual.Except(known).Order(StringComparer.Ordinal).ToList();
        var removed = known.Except(actual).Order(StringComparer.Ordinal).ToList();
        Assert.True(added.Count == 0, "Grain methods without a Caller the gateway could call (move them to an internal interface in the grains assembly):\n"
            + string.Join(",\n", added.Select(a => $"\"{a}\"")));
        Assert.True(removed.Count == 0, "No longer in the abstractions (take them off the list): " + string.Join(", ", removed));
    }

    private static bool TakesCaller(MethodInfo method) => method.GetParameters().Any(p => p.ParameterType == typeof(Caller));
}
