using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Engagement.Gateway;

/// <summary>
/// What operators and orchestrators use, shared by the node and the standalone gateway: OpenTelemetry metrics
/// (Prometheus scrape at <c>/metrics</c>, OTLP push) and traces (OTLP), and plain-HTTP health at <c>/healthz/live</c>
/// and <c>/healthz/ready</c> beside the gRPC health service. docs/operations.md describes them.
/// </summary>
public static class OperationsHosting
{
    /// <summary>Meters exported besides ASP.NET Core's and Kestrel's: ours, Orleans', Npgsql's.</summary>
    private static readonly string[] Meters = [EngagementMetrics.MeterName, "Microsoft.Orleans", "Npgsql"];

    /// <summary>Activity sources traced besides ASP.NET Core (incl. gRPC server calls) and Npgsql.</summary>
    private static readonly string[] Sources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public static WebApplicationBuilder AddEngagementOperations(this WebApplicationBuilder builder)
    {
        var options = OperationsOptions.From(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<Readiness>();
        builder.Services.AddHostedService(services => services.GetRequiredService<Readiness>());
        builder.Services.AddHealthChecks().AddCheck<Readiness>("shutdown", tags: [Readiness.Tag]);
        if (!options.AnyExporter)
        {
            return builder; // nothing listens: instruments record into nothing, no activity is created
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "engagement",
                serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddMeter(Meters);
                if (options.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }

                if (options.OtlpEndpoint is not null)
                {
                    metrics.AddOtlpExporter(otlp => Configure(otlp, options, "metrics"));
                }
            });
        if (options.OtlpEndpoint is not null)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => !IsOperationsPath(context.Request.Path))
                .AddSource(Sources)
                .AddNpgsql()
                .AddOtlpExporter(otlp => Configure(otlp, options, "traces")));
        }

        return builder;
    }

    public static WebApplication MapEngagementOperations(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<OperationsOptions>();
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Readiness.Tag), ResponseWriter = WriteAsync }).AllowAnonymous();
        if (options.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        }

        return app;
    }

    private static bool IsOperationsPath(PathString path) =>
        path.StartsWithSegments("/healthz", StringComparison.Ordinal) || path.StartsWithSegments("/metrics", StringComparison.Ordinal);

    /// <summary>
    /// The collector for one signal ("traces", "metrics"): over gRPC the endpoint as given; over HTTP the signal's path
    /// under it (<c>/v1/traces</c>), as the standard variables mean it.
    /// </summary>
    private static void Configure(OtlpExporterOptions otlp, OperationsOptions options, string signal)
    {
        var endpoint = options.OtlpEndpoint!;
        otlp.Protocol = options.OtlpHttp ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        otlp.Endpoint = options.OtlpHttp ? new Uri($"{endpoint.ToString().TrimEnd('/')}/v1/{signal}") : endpoint;
    }

    /// <summary>The status and each check's verdict as JSON: <c>{"status":"Unhealthy","checks":{"silo":{...}}}</c>.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new Dictionary<string, object>
        {
            ["status"] = report.Status.ToString(),
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
