using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;

namespace Engagement;

/// <summary>
/// Remembers the <see cref="GrainInterfaceType"/> of each grain interface. Orleans resolves it again on every
/// <c>GetGrain</c> call (reflection over the interface's attributes, then formatting its name), which the check-in
/// profile showed as ~11 % of the node's CPU (a check-in makes ~25 <c>GetGrain</c> calls: the member, the rules, 15
/// boards, the branch counts…). The answer for a type never changes in a process, so the first resolution is kept.
/// Register it first (<see cref="AddTo"/>) so Orleans asks it before its own providers.
/// </summary>
public sealed class GrainInterfaceTypeCache(IServiceProvider services) : IGrainInterfaceTypeProvider
{
    [ThreadStatic]
    private static bool t_resolving;

    private readonly ConcurrentDictionary<Type, GrainInterfaceType> _known = new();

    /// <summary>Puts the cache before every other <see cref="IGrainInterfaceTypeProvider"/> of a silo or client.</summary>
    public static void AddTo(IServiceCollection serviceCollection) =>
        serviceCollection.Insert(0, ServiceDescriptor.Singleton<IGrainInterfaceTypeProvider, GrainInterfaceTypeCache>());

    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        if (_known.TryGetValue(type, out grainInterfaceType))
        {
            return true;
        }

        if (t_resolving)
        {
            // Called back by the resolver below: let the other providers and the conventions answer.
            grainInterfaceType = default;
            return false;
        }

        t_resolving = true;
        try
        {
            // The resolver depends on all providers, this one included, so it is fetched lazily, not injected.
            grainInterfaceType = _known.GetOrAdd(type, services.GetRequiredService<GrainInterfaceTypeResolver>().GetGrainInterfaceType(type));
            return true;
        }
        finally
        {
            t_resolving = false;
        }
    }
}
