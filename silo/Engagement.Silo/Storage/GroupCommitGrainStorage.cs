using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Engagement.Silo;

/// <summary>
/// Grain storage that commits many grains' writes together (group commit). Callers queue their operation; writer
/// threads each take everything queued (up to a batch), and the store runs the batch in one transaction and completes
/// each caller only after the commit, so an acknowledged write is a committed one.
/// <para>
/// The grain-facing rules are Orleans' ADO.NET grain storage's, so a table written by either reads the same in the
/// other: the ETag is the row's version, a write or clear that returns no new version is a conflict
/// (<see cref="InconsistentStateException"/>), a cleared row keeps its version but reads as no record, and clearing a
/// state never read reads it first and does nothing when there is none.
/// </para>
/// </summary>
public abstract partial class GroupCommitGrainStorage : IGrainStorage, IDisposable
{
    private const int MaxBatch = 512;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly ILogger _logger;
    private readonly BlockingCollection<Operation> _queue = new();
    private readonly Thread[] _writers;

    /// <summary>Starts <paramref name="writers"/> writer threads; each runs its own batches.</summary>
    protected GroupCommitGrainStorage(string name, string serviceId, IGrainStorageSerializer serializer, IActivatorProvider activators,
        ILogger logger, int writers)
    {
        Name = name;
        ServiceId = serviceId;
        _logger = logger;
        _serializer = serializer;
        _activators = activators;
        // Threads of their own: a batch's turn must not queue on the thread pool behind the work it serves.
        _writers = [.. Enumerable.Range(0, writers).Select(i => new Thread(() => WriteLoop(i)) { IsBackground = true, Name = $"grain-storage-{name}-{i}" })];
        foreach (var writer in _writers)
        {
            writer.Start();
        }
    }

    protected enum Kind
    {
        Read,
        Write,
        Clear,
    }

    protected string Name { get; }

    protected string ServiceId { get; }

    /// <summary>The database behind the store, as the storage metrics' <c>provider</c> tag.</summary>
    protected abstract string Provider { get; }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var row = await ReadRowAsync(GrainStateKey.Of(stateName, grainId));
        grainState.State = row.Payload is { } payload ? _serializer.Deserialize<T>(new BinaryData(payload)) : Create<T>();
        grainState.ETag = row.Version?.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = row.Payload is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = _serializer.Serialize(grainState.State).ToArray();
        var row = await EnqueueAsync(new Operation(Kind.Write, GrainStateKey.Of(stateName, grainId), Expected(grainState.ETag), payload));
        grainState.ETag = Written(row, "WriteState", stateName, grainId, grainState.ETag);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!grainState.RecordExists && string.IsNullOrWhiteSpace(grainState.ETag))
        {
            await ReadStateAsync(stateName, grainId, grainState);
            if (!grainState.RecordExists)
            {
                return;
            }
        }

        var row = await EnqueueAsync(new Operation(Kind.Clear, GrainStateKey.Of(stateName, grainId), Expected(grainState.ETag), null));
        grainState.ETag = Written(row, "ClearState", stateName, grainId, grainState.ETag);
        grainState.RecordExists = false;
        grainState.State = Create<T>();
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        foreach (var writer in _writers)
        {
            writer.Join();
        }

        _queue.Dispose();
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Reads one row; by default through the queue, a store whose reads need no writer overrides it.</summary>
    protected virtual Task<Row> ReadRowAsync(GrainStateKey key) => EnqueueAsync(new Operation(Kind.Read, key, null, null));

    /// <summary>Runs a batch on writer <paramref name="writer"/> and completes every operation of it.</summary>
    protected abstract void ExecuteBatch(IReadOnlyList<Operation> batch, int writer);

    /// <summary>Releases what the writers held (their connections); the writers have stopped.</summary>
    protected abstract void Dispose(bool disposing);

    private static int? Expected(string? etag) =>
        string.IsNullOrWhiteSpace(etag) ? null : int.Parse(etag, CultureInfo.InvariantCulture);

    /// <summary>The new version, or the version conflict the grain must hear about (another activation wrote first).</summary>
    private string Written(Row row, string operation, string stateName, GrainId grainId, string? etag)
    {
        var version = row.Version?.ToString(CultureInfo.InvariantCulture);
        return version is not null && version != etag
            ? version
            : throw new InconsistentStateException(
                $"Version conflict ({operation}): ServiceId={ServiceId} ProviderName={Name} GrainType={stateName} GrainId={grainId} ETag={etag}.");
    }

    private T Create<T>() => _activators.GetActivator<T>().Create();

    private Task<Row> EnqueueAsync(Operation operation)
    {
        _queue.Add(operation);
        return operation.Done.Task;
    }

    private void WriteLoop(int writer)
    {
        var batch = new List<Operation>(MaxBatch);
        while (!_queue.IsCompleted)
        {
            batch.Clear();
            try
            {
                batch.Add(_queue.Take());
            }
            catch (InvalidOperationException)
            {
                break; // completed while waiting
            }

            while (batch.Count < MaxBatch && _queue.TryTake(out var more))
            {
                batch.Add(more);
            }

            var startedAt = Stopwatch.GetTimestamp();
            try
            {
                ExecuteBatch(batch, writer);
            }
            catch (Exception e)
            {
                // A store completes its operations itself; this only keeps a bug from leaving callers waiting forever.
                LogBatchFailed(e, Name, batch.Count);
                batch.ForEach(o => o.Fail(e));
            }

            EngagementMetrics.StorageBatch(Provider, batch.Count, Stopwatch.GetElapsedTime(startedAt));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Grain storage {Name}: a batch of {Count} operations failed; none of its writes is acknowledged")]
    protected partial void LogBatchFailed(Exception exception, string name, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grain storage {Name}: a statement failed in a batch of {Count} writes, nothing of it was committed; each write runs on its own")]
    protected partial void LogBatchSplit(Exception exception, string name, int count);

    /// <summary>A row as read (payload NULL = cleared or absent; version NULL = absent), or a write's new version.</summary>
    protected sealed record Row(byte[]? Payload, int? Version);

    protected sealed record Operation(Kind Kind, GrainStateKey Key, int? ExpectedVersion, byte[]? Payload)
    {
        public TaskCompletionSource<Row> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Succeed(Row row) => Done.TrySetResult(row);

        public void Fail(Exception exception) => Done.TrySetException(exception);
    }
}
