namespace Engagement.EndToEnd;

public sealed class SqliteDurabilityTests
{
    [Fact]
    public async Task AcknowledgedCheckInsSurviveAKillOfTheNode()
    {
        var directory = Directory.CreateTempSubdirectory("engagement-kill-").FullName;
        try
        {
            await Durability.AcknowledgedCheckInsSurviveAKillAsync(new NodeSettings(directory, []));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task AcknowledgedConfirmationsAtOneMerchantSurviveAKillMidFlight()
    {
        var directory = Directory.CreateTempSubdirectory("engagement-kill-confirm-").FullName;
        try
        {
            await Durability.AcknowledgedConfirmationsSurviveAKillMidFlightAsync(new NodeSettings(directory, []));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
