namespace Engagement;

[GrainType("branch-transfers")]
public sealed class BranchTransfersGrain(
    [PersistentState("branch-transfers", StorageNames.Main)] IPersistentState<BranchTransfersState> state) : EngagementGrain, IBranchTransfersGrain, IBranchTransfersGrainInternal
{
    private string BranchId => this.GetPrimaryKeyString();

    public async Task AddAsync(TransferInfo transfer, CancellationToken cancellationToken = default)
    {
        if (state.State.Pending.Any(t => t.MemberId == transfer.MemberId))
        {
            return;
        }

        state.State.Pending.Add(transfer);
        await SaveAsync(state);
    }

    public async Task RemoveAsync(string memberId, CancellationToken cancellationToken = default)
    {
        if (state.State.Pending.RemoveAll(t => t.MemberId == memberId) > 0)
        {
            await SaveAsync(state);
        }
    }

    public async Task<IReadOnlyList<TransferInfo>> ListAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var branch = await GrainFactory.GetGrain<IBranchGrainInternal>(BranchId).GetInfoAsync(cancellationToken);
        await GrainFactory.DemandAsync(caller, caller.Has(Role.ParkAdmin, branch.ParkId) || caller.Has(Role.Secretary, BranchId), branch.ParkId,
            "list this branch's transfers", () => Missing.Branch(BranchId), cancellationToken);
        return state.State.Pending;
    }
}
