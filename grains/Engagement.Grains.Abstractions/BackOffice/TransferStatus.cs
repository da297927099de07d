namespace Engagement;

[Alias("engagement.TransferStatus")]
public enum TransferStatus
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,
}
