using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Engagement;

/// <summary>
/// Where an event's attendees are stored: not in the event's own row, which every check-in would rewrite whole (a
/// write growing with the attendance), but in <see cref="AttendeeShards"/> rows by member id, so a check-in rewrites
/// only its shard's few dozen attendees. The grain still holds them all in memory and still decides alone.
/// <para>
/// Members' requests (RSVP, check-in, heartbeat) interleave: a member's request takes its shard's turn, so two
/// members of different shards are served at once (at the door, hundreds check in within minutes and each request
/// waits for three durable writes elsewhere) while one member's requests, and any two that share a shard row, still
/// run one after the other — a shard row is never changed while it is being written.
/// </para>
/// </summary>
public sealed partial class EventGrain
{
    private const int AttendeeShards = 32;

    private const string AttendeeStateName = "event-attendees";

    private readonly Dictionary<string, AttendeeState> _attendees = new(StringComparer.Ordinal);

    private GrainState<AttendeeShardState>[] _shards = [];

    private readonly SemaphoreSlim[] _shardTurns = [.. Enumerable.Range(0, AttendeeShards).Select(_ => new SemaphoreSlim(1, 1))];

    private Dictionary<string, AttendeeState> Attendees => _attendees;

    private IGrainStorage AttendeeStorage => ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _shards = [.. Enumerable.Range(0, AttendeeShards).Select(_ => new GrainState<AttendeeShardState> { State = new AttendeeShardState() })];
        if (S.Info is null)
        {
            return; // not published: no attendee rows yet
        }

        var storage = AttendeeStorage;
        await Task.WhenAll(_shards.Select((shard, k) => storage.ReadStateAsync(AttendeeStateName, ShardId(k), shard)));
        foreach (var shard in _shards)
        {
            foreach (var (memberId, attendee) in shard.State!.Attendees)
            {
                _attendees[memberId] = attendee;
            }
        }

        // Events stored before attendees had rows of their own kept them in the event's row: move them once.
        if (S.Attendees.Count > 0)
        {
            foreach (var (memberId, attendee) in S.Attendees.Where(a => !_attendees.ContainsKey(a.Key)))
            {
                _attendees[memberId] = attendee;
                _shards[ShardOf(memberId)].State!.Attendees[memberId] = attendee;
            }

            foreach (var k in S.Attendees.Keys.Select(ShardOf).Distinct())
            {
                await WriteShardAsync(k);
            }

            S.Attendees.Clear();
            await SaveAsync(state);
        }
    }

    /// <summary>Runs a member's request in the turn of the member's shard.</summary>
    private async Task<T> InShardTurnAsync<T>(string memberId, Func<Task<T>> request)
    {
        var turn = _shardTurns[ShardOf(memberId)];
        await turn.WaitAsync();
        try
        {
            return await request();
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>Makes <paramref name="attendee"/> known and durable: one write of its shard's row (in its shard's turn).</summary>
    private async Task SaveAttendeeAsync(AttendeeState attendee)
    {
        _attendees[attendee.MemberId] = attendee;
        var k = ShardOf(attendee.MemberId);
        _shards[k].State!.Attendees[attendee.MemberId] = attendee;
        await WriteShardAsync(k);
    }

    private async Task WriteShardAsync(int k)
    {
        try
        {
            await AttendeeStorage.WriteStateAsync(AttendeeStateName, ShardId(k), _shards[k]);
        }
        catch
        {
            // As for the grain's own state: re-read what is really stored rather than trust an unacknowledged change.
            DeactivateOnIdle();
            throw;
        }
    }

    private GrainId ShardId(int k) => GrainId.Create(AttendeeStateName, $"{EventId}/{k}");

    /// <summary>A stable shard for a member id (FNV-1a; string.GetHashCode differs between processes).</summary>
    private static int ShardOf(string memberId)
    {
        var hash = 2166136261u;
        foreach (var c in memberId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % AttendeeShards);
    }
}
