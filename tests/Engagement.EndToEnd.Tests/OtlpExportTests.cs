using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Engagement.V1;

namespace Engagement.EndToEnd;

/// <summary>With a collector configured, a node pushes its metrics and traces there over OTLP.</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task ANodeWithACollectorConfiguredPushesTheCheckInsMetricAndTheCallsTrace()
    {
        var port = FreePorts.Next();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = new ConcurrentQueue<(string Path, string Body)>();
        var receiving = ReceiveAsync(collector, received);
        var directory = Directory.CreateTempSubdirectory("engagement-otlp-").FullName;
        var settings = new NodeSettings(directory,
        [
            $"--Engagement:Telemetry:Otlp:Endpoint=http://127.0.0.1:{port}",
            "--Engagement:Telemetry:Otlp:Protocol=http/protobuf",
            "--OTEL_METRIC_EXPORT_INTERVAL=1000",
            "--OTEL_BSP_SCHEDULE_DELAY=500",
        ]);
        try
        {
            await using var node = await NodeProcess.StartAsync(settings);
            var seed = await Seed.CreateAsync(node.Channel, settings.Key);
            var (_, member) = await seed.MemberAsync();
            await member.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = "morning" });

            await Eventually.SucceedsAsync(() =>
                received.Any(r => r.Path == "/v1/metrics" && r.Body.Contains("engagement.checkins", StringComparison.Ordinal))
                && received.Any(r => r.Path == "/v1/traces" && r.Body.Contains("engagement.v1.PointsService/CheckIn", StringComparison.Ordinal))
                    ? Task.FromResult(true)
                    : throw new InvalidOperationException($"received {string.Join(", ", received.Select(r => r.Path).Distinct())}"),
                TimeSpan.FromSeconds(30), "The collector receiving the check-in's metric and trace");
        }
        finally
        {
            collector.Stop();
            await receiving;
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Answers every export with an empty success; keeps each request's path and body (protobuf strings are readable in it).</summary>
    private static async Task ReceiveAsync(HttpListener collector, ConcurrentQueue<(string, string)> received)
    {
        while (collector.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await collector.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            received.Enqueue((context.Request.Url!.AbsolutePath, Encoding.UTF8.GetString(body.ToArray())));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }
}
