namespace Engagement;

/// <summary>Walks park → committees → branches → members and re-adds every member's ledger, a few members at a time.</summary>
[GrainType("ledger-auditor"), StatelessWorker(1)]
public sealed class LedgerAuditorGrain(DomainClock clock) : Grain, ILedgerAuditorGrain
{
    private const int Parallelism = 8;

    public async Task<ConsistencyReport> CheckAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var parkId = this.GetPrimaryKeyString();
        var park = GrainFactory.GetGrain<IParkGrainInternal>(parkId);
        await park.GetInfoAsync(cancellationToken);
        await GrainFactory.DemandAsync(caller, caller.Has(Role.ParkAdmin, parkId), parkId, "check this park's ledgers", () => Missing.Park(parkId), cancellationToken);
        var members = new List<string>();
        foreach (var committee in await park.ListCommitteesAsync(cancellationToken))
        {
            foreach (var branch in await GrainFactory.GetGrain<ICommitteeGrainInternal>(committee).ListBranchesAsync(cancellationToken))
            {
                members.AddRange(await GrainFactory.GetGrain<IBranchGrainInternal>(branch).ListMembersAsync(cancellationToken));
            }
        }

        var checks = new List<LedgerCheck>(members.Count);
        foreach (var chunk in members.Chunk(Parallelism))
        {
            checks.AddRange(await Task.WhenAll(chunk.Select(m => GrainFactory.GetGrain<IMemberGrainInternal>(m).CheckLedgerAsync(cancellationToken))));
        }

        return new ConsistencyReport(parkId, checks.Count, checks.Sum(c => c.Entries), [.. checks.Where(c => !c.Consistent)], clock.UtcNow);
    }
}
