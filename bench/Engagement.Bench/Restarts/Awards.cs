using System.Collections.Concurrent;
using System.Diagnostics;
using Engagement.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Engagement.Bench;

/// <summary>
/// Awards at a steady rate (AdjustPoints by the park admin, 1-5 points, one idempotency key each) from
/// <c>concurrency</c> writers, each award retried with its key until acknowledged. Every acknowledged award is kept
/// with the ledger entry the node returned, the truth the end's checks compare ledgers and boards with. The pace does
/// not catch up after an outage: awards that could not start then are not started later.
/// </summary>
public sealed class Awards(GrpcChannel channel, Park park, Timeline timeline, string keyPrefix)
{
    private readonly PointsService.PointsServiceClient _points = new(channel);
    private readonly Metadata _admin = Park.Bearer(park.AdminToken);
    private readonly Lock _pace = new();
    private long _next = -1;
    private double _due;
    private int _refused;

    /// <summary>Acknowledged awards by idempotency key.</summary>
    public ConcurrentDictionary<string, V1.LedgerEntry> Acknowledged { get; } = new();

    /// <summary>Awards the node refused (not retried; they should not be in any ledger).</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>Runs until <paramref name="stop"/> is cancelled, then lets every started award finish.</summary>
    public Task RunAsync(IReadOnlyList<string> members, double rate, int concurrency, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        return Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                double wait;
                lock (_pace)
                {
                    _due = Math.Max(_due + 1 / rate, clock.Elapsed.TotalSeconds);
                    wait = _due - clock.Elapsed.TotalSeconds;
                }

                if (wait > 0.001)
                {
                    try
                    {
                        await Task.Delay(TimeSpan.FromSeconds(wait), stop);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }

                var n = Interlocked.Increment(ref _next);
                await AwardAsync(members[Random.Shared.Next(members.Count)], 1 + n % 5, $"{keyPrefix}-{n}");
            }
        }));
    }

    /// <summary>One award, retried until acknowledged; false when refused.</summary>
    public async Task<bool> AwardAsync(string member, long amount, string key)
    {
        try
        {
            var reply = await Retrying.UntilAcknowledgedAsync(timeline, "awards", deadline =>
                _points.AdjustPointsAsync(new AdjustPointsRequest { MemberId = member, Amount = amount, Reason = "bench", IdempotencyKey = key }, _admin, deadline).ResponseAsync);
            Acknowledged[key] = reply.Entry;
            return true;
        }
        catch (RpcException)
        {
            Interlocked.Increment(ref _refused);
            return false;
        }
    }
}
