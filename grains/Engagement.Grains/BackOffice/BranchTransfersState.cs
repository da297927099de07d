namespace Engagement;

[GenerateSerializer, Alias("engagement.BranchTransfersState")]
public sealed class BranchTransfersState
{
    /// <summary>Pending transfers into the branch, oldest first.</summary>
    [Id(0)]
    public List<TransferInfo> Pending { get; set; } = [];
}
