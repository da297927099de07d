using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json;
using Engagement.V1;

namespace Engagement.EndToEnd;

/// <summary>What an operator or an orchestrator sees of a node: metrics, health endpoints, JSON logs, the dashboard.</summary>
public sealed class OperationsTests
{
    [Fact]
    public async Task AScrapeShowsCheckInsPointsRedemptionsBoardsWatchesAndStorageMove()
    {
        var directory = Directory.CreateTempSubdirectory("engagement-ops-").FullName;
        var settings = new NodeSettings(directory, []);
        try
        {
            await using var node = await NodeProcess.StartAsync(settings);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{settings.HttpPort}") };
            var ct = TestContext.Current.CancellationToken;
            var before = await Scrape.ReadAsync(http);

            var seed = await Seed.CreateAsync(node.Channel, settings.Key);
            var counter = await Counter.OpenAsync(seed);
            var (_, member) = await counter.CustomerAsync(100);
            using var watch = seed.Secretary.Leaderboards.WatchLeaderboard(
                new WatchLeaderboardRequest { Scope = LeaderboardScope.BranchMembers, ScopeId = seed.Branch, Period = LeaderboardPeriod.All }, cancellationToken: ct);
            Assert.True(await watch.ResponseStream.MoveNext(ct));
            var checkIn = await member.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "morning" });
            await member.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "again" });
            var started = await counter.StartAsync(member);
            await counter.Staff.Redemptions.ValidateRedemptionAsync(new ValidateRedemptionRequest { MerchantId = counter.MerchantId, Code = started.Code });
            await counter.Staff.Redemptions.ConfirmRedemptionAsync(new ConfirmRedemptionRequest { MerchantId = counter.MerchantId, Code = started.Code, IdempotencyKey = "confirm" });

            var during = await Eventually.SucceedsAsync(async () =>
            {
                var scrape = await Scrape.ReadAsync(http);
                return scrape.Sum("engagement_board_lag_seconds_count") > before.Sum("engagement_board_lag_seconds_count")
                    ? scrape
                    : throw new InvalidOperationException("no board applied an entry yet");
            }, TimeSpan.FromSeconds(30), "The board lag histogram's move");

            Assert.Equal(1, during.Sum("engagement_checkins_total", "result=\"checked_in\"") - before.Sum("engagement_checkins_total", "result=\"checked_in\""));
            Assert.Equal(1, during.Sum("engagement_checkins_total", "result=\"already_checked_in\"") - before.Sum("engagement_checkins_total", "result=\"already_checked_in\""));
            Assert.Equal(checkIn.PointsAwarded, during.Sum("engagement_points_awarded_total", "activity=\"check_in\"") - before.Sum("engagement_points_awarded_total", "activity=\"check_in\""));
            Assert.Equal(1, during.Sum("engagement_redemption_validate_duration_seconds_count", "outcome=\"ok\"") - before.Sum("engagement_redemption_validate_duration_seconds_count", "outcome=\"ok\""));
            Assert.Equal(1, during.Sum("engagement_redemption_confirm_duration_seconds_count", "outcome=\"ok\"") - before.Sum("engagement_redemption_confirm_duration_seconds_count", "outcome=\"ok\""));
            Assert.Equal(1, during.Sum("engagement_live_watches", "kind=\"leaderboard\""));
            Assert.True(during.Sum("engagement_storage_batch_size_count", "provider=\"sqlite\"") > before.Sum("engagement_storage_batch_size_count", "provider=\"sqlite\""));
            Assert.True(during.Sum("engagement_storage_commit_duration_seconds_count", "provider=\"sqlite\"") > before.Sum("engagement_storage_commit_duration_seconds_count", "provider=\"sqlite\""));
            Assert.True(during.Has("http_server_request_duration_seconds_count"), "ASP.NET Core's request metrics (gRPC calls included)");
            Assert.True(during.Sum("orleans_catalog_activations") > 0, "Orleans' meters");

            watch.Dispose();
            await Eventually.SucceedsAsync(async () =>
                (await Scrape.ReadAsync(http)).Sum("engagement_live_watches", "kind=\"leaderboard\"") == 0 ? true : throw new InvalidOperationException("the watch is still counted"),
                TimeSpan.FromSeconds(15), "The closed watch's count");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task ARunningNodeIsLiveAndReadyOverPlainHttpAndLogsJsonWhenAskedTo()
    {
        var directory = Directory.CreateTempSubdirectory("engagement-ops-").FullName;
        var settings = new NodeSettings(directory, ["--Logging:Console:FormatterName=json"]);
        try
        {
            await using var node = await NodeProcess.StartAsync(settings);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{settings.HttpPort}") };

            using var live = await http.GetAsync(new Uri("/healthz/live", UriKind.Relative), TestContext.Current.CancellationToken);
            using var ready = await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative), TestContext.Current.CancellationToken);
            using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            var started = node.Log.Split('\n').Where(l => l.Contains("Engagement gateway listening on", StringComparison.Ordinal)).ToList();

            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
            Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("silo").GetProperty("status").GetString());
            Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("cluster").GetProperty("status").GetString());
            Assert.NotEmpty(started);
            foreach (var line in started)
            {
                using var entry = JsonDocument.Parse(line);
                Assert.Equal("Information", entry.RootElement.GetProperty("LogLevel").GetString());
                Assert.Equal("Engagement.Silo", entry.RootElement.GetProperty("Category").GetString());
                Assert.StartsWith("http://127.0.0.1:", entry.RootElement.GetProperty("State").GetProperty("Address").GetString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task ANodeThatBeginsToStopIsNoLongerReadyWhileItStillAnswers()
    {
        var node = await TestNode.StartAsync(extraArgs: ["--Engagement:Health:ShutdownDelay=00:00:30"]);
        using var http = new HttpClient { BaseAddress = node.HttpAddress };
        var ct = TestContext.Current.CancellationToken;
        Task? stopping = null;
        try
        {
            using (var ready = await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative), ct))
            {
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            }

            stopping = node.App.StopAsync(CancellationToken.None);
            var notReady = await Eventually.SucceedsAsync(async () =>
            {
                using var response = await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative), ct);
                return response.StatusCode == HttpStatusCode.ServiceUnavailable
                    ? await response.Content.ReadAsStringAsync(ct)
                    : throw new InvalidOperationException($"ready answered {response.StatusCode}");
            }, TimeSpan.FromSeconds(15), "Readiness turning off");
            using var live = await http.GetAsync(new Uri("/healthz/live", UriKind.Relative), ct);
            var stillServing = await Seed.CreateAsync(node);

            Assert.Contains("shutting down", notReady, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.NotNull(stillServing);
        }
        finally
        {
            await node.DisposeAsync();
            if (stopping is not null)
            {
                await stopping;
            }

            Directory.Delete(node.DataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task InDevelopmentTheDashboardAndMetricsAreOnAndTheDashboardRefusesOtherMachines()
    {
        var remote = NonLoopbackAddress();
        var node = await TestNode.StartAsync(extraArgs: remote is null ? [] : ["--Engagement:Gateway:Host=0.0.0.0"]);
        try
        {
            using var http = new HttpClient { BaseAddress = node.HttpAddress };
            var ct = TestContext.Current.CancellationToken;

            var dashboard = await http.GetStringAsync(new Uri("/orleans-dashboard/", UriKind.Relative), ct);
            using var metrics = await http.GetAsync(new Uri("/metrics", UriKind.Relative), ct);

            Assert.Contains("Orleans Dashboard", dashboard, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
            if (remote is null)
            {
                Assert.Skip("This machine has no non-loopback address to call the dashboard from.");
            }

            using var fromElsewhere = new HttpClient { BaseAddress = new Uri($"http://{remote}:{node.HttpAddress.Port}") };
            using var refused = await fromElsewhere.GetAsync(new Uri("/orleans-dashboard/", UriKind.Relative), ct);
            using var console = await fromElsewhere.GetAsync(new Uri("/healthz/live", UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        }
        finally
        {
            await node.DisposeAsync();
            Directory.Delete(node.DataDirectory, recursive: true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OutsideDevelopmentTheDashboardMetricsAndOpenApiAreThereOnlyWhenConfigured(bool configured)
    {
        string[] external = ["--Engagement:Auth:Mode=external", "--Engagement:Auth:Authority=https://127.0.0.1:9/"];
        string[] enabled = ["--Engagement:Dashboard:Enabled=true", "--Engagement:Telemetry:Prometheus:Enabled=true", "--Engagement:OpenApi:Enabled=true"];
        var node = await TestNode.StartAsync(extraArgs: configured ? [.. external, .. enabled] : external);
        try
        {
            using var http = new HttpClient { BaseAddress = node.HttpAddress };
            var ct = TestContext.Current.CancellationToken;

            using var dashboard = await http.GetAsync(new Uri("/orleans-dashboard/", UriKind.Relative), ct);
            using var metrics = await http.GetAsync(new Uri("/metrics", UriKind.Relative), ct);
            using var openApi = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), ct);
            using var ready = await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative), ct);

            var expected = configured ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            Assert.Equal((expected, expected, expected), (dashboard.StatusCode, metrics.StatusCode, openApi.StatusCode));
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
        finally
        {
            await node.DisposeAsync();
            Directory.Delete(node.DataDirectory, recursive: true);
        }
    }

    private static IPAddress? NonLoopbackAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
}
