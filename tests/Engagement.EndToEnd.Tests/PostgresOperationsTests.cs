using Engagement.V1;

namespace Engagement.EndToEnd;

/// <summary>A silo on PostgreSQL reports its group-commit batches and Npgsql's figures, and is ready once active.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOperationsTests(PostgresFixture fixture)
{
    [Fact]
    public async Task ASiloOnPostgresShowsItsStorageBatchesAndNpgsqlInItsMetrics()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        var directory = Directory.CreateTempSubdirectory("engagement-pgops-").FullName;
        var settings = new NodeSettings(directory, PostgresTests.NodeArgs(connectionString, "ops"));
        try
        {
            await using var node = await NodeProcess.StartAsync(settings);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{settings.HttpPort}") };
            var seed = await Seed.CreateAsync(node.Channel, settings.Key);
            var (_, member) = await seed.MemberAsync();
            await member.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "morning" });

            var scrape = await Scrape.ReadAsync(http);
            using var ready = await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative), TestContext.Current.CancellationToken);

            Assert.True(scrape.Sum("engagement_storage_batch_size_count", "provider=\"postgres\"") > 0, "postgres storage batches");
            Assert.True(scrape.Sum("engagement_storage_commit_duration_seconds_count", "provider=\"postgres\"") > 0, "postgres commits");
            Assert.Equal(0, scrape.Sum("engagement_storage_batch_size_count", "provider=\"sqlite\""));
            Assert.True(scrape.HasPrefix("db_client_"), "Npgsql's metrics");
            Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
