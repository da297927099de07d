using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Engagement.Bench;

/// <summary>Before any scenario: is there a node serving at the target?</summary>
public static class Preflight
{
    /// <summary>True once the node's health check says SERVING; false if it does not within <paramref name="wait"/>.</summary>
    public static async Task<bool> NodeAnswersAsync(GrpcChannel channel, TimeSpan wait)
    {
        var health = new Health.HealthClient(channel);
        var until = DateTime.UtcNow + wait;
        do
        {
            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return true;
                }
            }
            catch (RpcException)
            {
                // Not up (yet): try again until the deadline.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
        while (DateTime.UtcNow < until);

        return false;
    }
}
