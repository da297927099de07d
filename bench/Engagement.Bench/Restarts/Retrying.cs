using System.Diagnostics;
using Grpc.Core;

namespace Engagement.Bench;

/// <summary>
/// A write as the apps make it: retried with the same idempotency key after an outage (unavailable, timed out...)
/// until acknowledged; a refusal (invalid, not found, denied, precondition) is not retried. Every attempt goes on the
/// timeline.
/// </summary>
public static class Retrying
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan AttemptDeadline = TimeSpan.FromSeconds(10);

    public static async Task<T> UntilAcknowledgedAsync<T>(Timeline timeline, string kind, Func<DateTime, Task<T>> call)
    {
        var start = Stopwatch.GetTimestamp();
        var retried = false;
        var backoff = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                var result = await call(DateTime.UtcNow + AttemptDeadline);
                timeline.Acknowledged(kind, retried, LatencyRecorder.ElapsedMs(start));
                return result;
            }
            catch (RpcException e) when (IsOutage(e.StatusCode) && Stopwatch.GetElapsedTime(start) < GiveUp)
            {
                timeline.Failed(kind, e.StatusCode.ToString());
                retried = true;
                await Task.Delay(backoff);
                backoff = TimeSpan.FromMilliseconds(Math.Min(1000, backoff.TotalMilliseconds * 2));
            }
            catch (RpcException e)
            {
                timeline.Refused(kind, e.StatusCode.ToString());
                throw;
            }
        }
    }

    private static bool IsOutage(StatusCode status) => status is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Unknown
        or StatusCode.Internal or StatusCode.Cancelled or StatusCode.Aborted or StatusCode.ResourceExhausted;
}
