namespace Engagement.Gateway;

/// <summary>The Orleans cluster every silo and gateway of one deployment joins (section <c>Engagement:Cluster</c>).</summary>
public sealed class ClusterSettings
{
    public const string Section = "Engagement:Cluster";

    public string ClusterId { get; set; } = "engagement";

    public string ServiceId { get; set; } = "engagement";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port on which silos accept Orleans clients (standalone gateways).</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at; defaults to loopback for a single node.</summary>
    public string? AdvertisedAddress { get; set; }
}
