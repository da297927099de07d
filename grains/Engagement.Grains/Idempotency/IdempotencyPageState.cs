namespace Engagement;

[GenerateSerializer, Alias("engagement.IdempotencyPageState")]
public sealed class IdempotencyPageState
{
    [Id(0)]
    public List<SealedWrite> Writes { get; set; } = [];
}
