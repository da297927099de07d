using System.Reflection;

namespace Engagement.Tests;

/// <summary>
/// Forwards to a member grain and counts the ledger entries each ReadLedgerAsync returned. Not sealed: DispatchProxy
/// generates a class derived from it.
/// </summary>
public class CountingMember : DispatchProxy
{
    private IMemberGrainInternal _target = null!;
    private List<int> _reads = null!;

    public static (IMemberGrainInternal Proxy, List<int> Reads) Wrap(IMemberGrain target)
    {
        var proxy = Create<IMemberGrainInternal, CountingMember>();
        var counting = (CountingMember)(object)proxy;
        counting._target = target.AsReference<IMemberGrainInternal>();
        counting._reads = [];
        return (proxy, counting._reads);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var result = targetMethod!.Invoke(_target, args);
        if (targetMethod.Name == nameof(IMemberGrainInternal.ReadLedgerAsync) && result is Task<LedgerSlice> slice)
        {
            return CountAsync(slice);
        }

        return result;
    }

    private async Task<LedgerSlice> CountAsync(Task<LedgerSlice> slice)
    {
        var value = await slice;
        _reads.Add(value.Entries.Count);
        return value;
    }
}
