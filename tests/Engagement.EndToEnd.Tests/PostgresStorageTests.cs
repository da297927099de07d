using Engagement.V1;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Storage;

namespace Engagement.EndToEnd;

/// <summary>The PostgreSQL group-commit grain store: its contract, batches, rivals, crashes and rows shared with Orleans' provider.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStorageTests(PostgresFixture fixture)
{
    [Fact]
    public async Task ManyGrainsWritingAtOnceAreAllCommittedAndRacingWritersOnTwoSilosCannotBothWin()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        await using var node = await TestNode.StartAsync(extraArgs: PostgresTests.NodeArgs(connectionString, "batch"));
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        using var rival = SecondStore(node, dataSource);

        await StorageContract.VerifyGroupCommitAsync(node.App.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main), rival);
    }

    [Fact]
    public async Task AWriteThatPostgresRefusesFailsOnlyItselfNotTheWritesBatchedWithIt()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        await using var node = await TestNode.StartAsync(extraArgs: PostgresTests.NodeArgs(connectionString, "refused"));
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var storage = node.App.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);
        var blockers = new[] { GrainId.Create("storage-probe", Seed.Next("blocker")), GrainId.Create("storage-probe", Seed.Next("blocker")) };
        var blockerStates = blockers.Select(_ => new GrainState<StorageContract.Probe>(new StorageContract.Probe())).ToList();
        await Task.WhenAll(blockers.Select((grain, i) => storage.WriteStateAsync("probe", grain, blockerStates[i])));
        // A key past PostgreSQL's index entry limit (~2.7 kB, incompressible): its statement errors and aborts the transaction.
        var oversized = GrainId.Create("storage-probe", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8_000)));
        var grains = Enumerable.Range(0, 60).Select(i => GrainId.Create("storage-probe", $"{Guid.NewGuid():N}-{i}")).ToList();

        // Both writers wait on rows we hold, so everything queued meanwhile goes into one batch when we let go.
        await using (var holder = await dataSource.OpenConnectionAsync())
        {
            await using var hold = await holder.BeginTransactionAsync();
            await using (var lockRows = new NpgsqlCommand("UPDATE orleans_grain_state SET written_at = now() WHERE key_ext LIKE 'blocker%'", holder, hold))
            {
                await lockRows.ExecuteNonQueryAsync();
            }

            var blocked = new List<Task>();
            for (var i = 0; i < blockers.Length; i++)
            {
                blocked.Add(storage.WriteStateAsync("probe", blockers[i], blockerStates[i]));
                await Eventually.SucceedsAsync(() => WritersWaitingAsync(dataSource, i + 1), TimeSpan.FromSeconds(30), "a writer waiting on a held row");
            }

            var refused = Record.ExceptionAsync(() => storage.WriteStateAsync("probe", oversized, new GrainState<StorageContract.Probe>(new StorageContract.Probe())));
            var others = grains.Select(grain => storage.WriteStateAsync("probe", grain, new GrainState<StorageContract.Probe>(new StorageContract.Probe { Text = "kept" }))).ToList();
            await hold.RollbackAsync();
            await Task.WhenAll([.. blocked, .. others]);
            Assert.IsType<PostgresException>(await refused);
        }

        foreach (var grain in grains)
        {
            var state = new GrainState<StorageContract.Probe>();
            await storage.ReadStateAsync("probe", grain, state);
            Assert.Equal("kept", state.State!.Text);
        }
    }

    [Fact]
    public async Task RowsWrittenByOrleansAdoNetProviderReadTheSameInTheGroupCommitStoreAndBack()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        await using var node = await TestNode.StartAsync(extraArgs: [.. PostgresTests.NodeArgs(connectionString, "ado"), "--Engagement:Storage:GroupCommit=false"]);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var ado = node.App.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);
        using var ours = SecondStore(node, dataSource);
        var grain = GrainId.Create("storage-probe", Guid.NewGuid().ToString("N"));
        var integerGrain = GrainId.Create(GrainType.Create("storage-probe"), GrainIdKeyExtensions.CreateIntegerKey(42, "分区"));

        var byAdo = new GrainState<StorageContract.Probe>(new StorageContract.Probe { Text = "由 ADO.NET 写入", Numbers = [7] });
        await ado.WriteStateAsync("probe", grain, byAdo);
        var readByOurs = new GrainState<StorageContract.Probe>();
        await ours.ReadStateAsync("probe", grain, readByOurs);
        var (oursSaw, oursSawETag) = (readByOurs.State!.Text, readByOurs.ETag);
        readByOurs.State.Text = "由分组提交写入";
        await ours.WriteStateAsync("probe", grain, readByOurs);
        var readByAdo = new GrainState<StorageContract.Probe>();
        await ado.ReadStateAsync("probe", grain, readByAdo);
        var (adoSaw, adoSawETag) = (readByAdo.State!.Text, readByAdo.ETag);
        var staleAtAdo = new GrainState<StorageContract.Probe>(new StorageContract.Probe { Text = "lost update" }) { ETag = byAdo.ETag };
        var staleRefused = await Record.ExceptionAsync(() => ado.WriteStateAsync("probe", grain, staleAtAdo));
        await ado.ClearStateAsync("probe", grain, readByAdo);
        var clearedForOurs = new GrainState<StorageContract.Probe>();
        await ours.ReadStateAsync("probe", grain, clearedForOurs);
        await ours.WriteStateAsync("probe", integerGrain, new GrainState<StorageContract.Probe>(new StorageContract.Probe { Text = "integer key" }));
        await ado.WriteStateAsync("other-probe", integerGrain, new GrainState<StorageContract.Probe>(new StorageContract.Probe { Text = "other" }));
        var integerByAdo = new GrainState<StorageContract.Probe>();
        await ado.ReadStateAsync("probe", integerGrain, integerByAdo);

        Assert.Equal(("由 ADO.NET 写入", byAdo.ETag), (oursSaw, oursSawETag));
        Assert.Equal([7], readByOurs.State.Numbers);
        Assert.Equal(("由分组提交写入", readByOurs.ETag), (adoSaw, adoSawETag));
        Assert.IsType<InconsistentStateException>(staleRefused);
        Assert.False(clearedForOurs.RecordExists);
        Assert.Equal(readByAdo.ETag, clearedForOurs.ETag);
        Assert.Equal("integer key", integerByAdo.State!.Text);
        // Both sides key and hash a grain alike: the integer grain's two rows, one from each side, carry the same key hash.
        await using var hashes = dataSource.CreateCommand("SELECT count(DISTINCT key_hash), count(*) FROM orleans_grain_state WHERE key_n1 = 42");
        await using var reader = await hashes.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((1L, 2L), (reader.GetInt64(0), reader.GetInt64(1)));
    }

    [Fact]
    public async Task ANodeKilledWhileItsWritesAreInFlightLosesNoAcknowledgedAwardAndDoublesNone()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        var directory = Directory.CreateTempSubdirectory("engagement-pgbatch-kill-").FullName;
        var settings = new NodeSettings(directory, PostgresTests.NodeArgs(connectionString, "kill-batch"));
        try
        {
            Seed seed;
            List<string> members = [];
            int[] acknowledged, attempted;
            await using (var node = await NodeProcess.StartAsync(settings))
            {
                seed = await Seed.CreateAsync(node.Channel, settings.Key);
                for (var i = 0; i < 24; i++)
                {
                    members.Add((await seed.MemberAsync()).Id);
                }

                (acknowledged, attempted) = (new int[members.Count], new int[members.Count]);
                var flows = members.Select((id, m) => AwardUntilTheNodeDiesAsync(seed.Admin, id, m, acknowledged, attempted)).ToList();
                await Eventually.SucceedsAsync(() => Task.FromResult(acknowledged.Sum() >= 400 ? true : throw new InvalidOperationException($"{acknowledged.Sum()} acknowledged")),
                    TimeSpan.FromSeconds(90), "awards flowing");
                node.Kill();
                await Task.WhenAll(flows);
            }

            await using var restarted = await NodeProcess.StartAsync(settings);
            var admin = Seed.Reattach(seed, restarted.Channel, settings.Key).Admin;
            for (var m = 0; m < members.Count; m++)
            {
                var survived = (await admin.Points.GetBalanceAsync(new GetBalanceRequest { MemberId = members[m] })).Balance;
                Assert.InRange(survived, acknowledged[m], attempted[m]); // every acknowledged award, at most the one in flight more
                for (var n = 0; n < attempted[m]; n++)
                {
                    await admin.Points.AdjustPointsAsync(Award(members[m], n)); // the client's retries: each key counts once
                }

                Assert.Equal(attempted[m], (await admin.Points.GetBalanceAsync(new GetBalanceRequest { MemberId = members[m] })).Balance);
            }

            Assert.Empty((await admin.Points.CheckLedgerConsistencyAsync(new CheckLedgerConsistencyRequest { ParkId = seed.Park })).Differences);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<bool> WritersWaitingAsync(NpgsqlDataSource dataSource, int count)
    {
        await using var waiting = dataSource.CreateCommand("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()");
        var now = (long)(await waiting.ExecuteScalarAsync())!;
        return now >= count ? true : throw new InvalidOperationException($"{now} waiting");
    }

    /// <summary>One member's awards, one after another with fresh keys, until a call fails because the node is gone.</summary>
    private static async Task AwardUntilTheNodeDiesAsync(Api admin, string memberId, int m, int[] acknowledged, int[] attempted)
    {
        while (true)
        {
            var n = attempted[m]++;
            try
            {
                await admin.Points.AdjustPointsAsync(Award(memberId, n));
            }
            catch (RpcException)
            {
                return;
            }

            acknowledged[m] = n + 1;
        }
    }

    private static AdjustPointsRequest Award(string memberId, int n) =>
        new() { MemberId = memberId, Amount = 1, Reason = "flow", IdempotencyKey = $"flow-{n}" };

    /// <summary>Another store instance on the same database, as a second silo would have.</summary>
    private static Silo.PostgresGrainStorage SecondStore(TestNode node, NpgsqlDataSource dataSource)
    {
        var services = node.App.Services;
        return new Silo.PostgresGrainStorage("second", services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId, dataSource,
            services.GetRequiredService<IGrainStorageSerializer>(), services.GetRequiredService<Orleans.Serialization.Serializers.IActivatorProvider>(),
            NullLogger<Silo.PostgresGrainStorage>.Instance);
    }
}
