namespace Engagement.Gateway;

/// <summary>What operators see of a process: metrics, traces, health (sections <c>Engagement:Telemetry</c>, <c>Engagement:Health</c>).</summary>
public sealed class OperationsOptions
{
    /// <summary>Prometheus text at <c>/metrics</c>: on by default in development auth mode, off otherwise unless set.</summary>
    public bool? PrometheusEnabled { get; set; }

    /// <summary>OTLP collector for metrics and traces: <c>Engagement:Telemetry:Otlp:Endpoint</c> or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>
    /// OTLP over HTTP (protobuf) rather than gRPC: <c>Engagement:Telemetry:Otlp:Protocol</c> or
    /// <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> = <c>http/protobuf</c>; unset, an endpoint on port 4318 (OTLP/HTTP's own) means HTTP.
    /// </summary>
    public bool OtlpHttp { get; set; }

    /// <summary>
    /// How long a stopping process stays up answering <c>/healthz/ready</c> with 503 before it leaves the cluster, so a
    /// load balancer stops sending it work first. Zero by default.
    /// </summary>
    public TimeSpan ShutdownDelay { get; set; }

    public bool Prometheus => PrometheusEnabled ?? false;

    public bool AnyExporter => Prometheus || OtlpEndpoint is not null;

    public static OperationsOptions From(IConfiguration configuration)
    {
        var development = IsDevelopmentAuth(configuration);
        var otlp = configuration["Engagement:Telemetry:Otlp:Endpoint"] is { Length: > 0 } endpoint ? endpoint
            : configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } standard ? standard : null;
        return new OperationsOptions
        {
            PrometheusEnabled = configuration.GetValue<bool?>("Engagement:Telemetry:Prometheus:Enabled") ?? development,
            OtlpEndpoint = otlp is null ? null : new Uri(otlp, UriKind.Absolute),
            OtlpHttp = (configuration["Engagement:Telemetry:Otlp:Protocol"] ?? configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]) is { Length: > 0 } protocol
                ? protocol.StartsWith("http", StringComparison.OrdinalIgnoreCase)
                : otlp is not null && new Uri(otlp, UriKind.Absolute).Port == 4318,
            ShutdownDelay = configuration.GetValue<TimeSpan?>("Engagement:Health:ShutdownDelay") ?? TimeSpan.Zero,
        };
    }

    /// <summary>Development auth mode (the default): the node's own signing key; operator aids are on by default.</summary>
    public static bool IsDevelopmentAuth(IConfiguration configuration) =>
        !string.Equals(configuration.GetSection(AuthOptions.Section)["Mode"], "external", StringComparison.OrdinalIgnoreCase);
}
