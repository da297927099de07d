namespace Engagement.Gateway;

/// <summary>Where the gateway listens (section <c>Engagement:Gateway</c>).</summary>
public sealed class GatewayOptions
{
    public const string Section = "Engagement:Gateway";

    /// <summary>Address to bind; "127.0.0.1" by default, "0.0.0.0" to serve other machines.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>HTTP/2-only port for plain-text (h2c) gRPC. 0 picks a free port.</summary>
    public int GrpcPort { get; set; } = 5080;

    /// <summary>HTTP/1.1 port for gRPC-Web and JSON transcoding (browsers, curl). 0 picks a free port; -1 turns it off.</summary>
    public int HttpPort { get; set; } = 5081;
}
