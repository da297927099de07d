using System.Net;
using System.Net.Sockets;

namespace Engagement.Gateway;

/// <summary>A port another process holds, found before anything starts: the process ends with one line saying which.</summary>
public sealed class PortInUseException(string message) : StartupRefusedException(message, exitCode: 2);

/// <summary>A setting the process cannot start with: the message says which and what to do; no stack trace is shown.</summary>
public class StartupRefusedException(string message, int exitCode) : Exception(message)
{
    /// <summary>The process's exit code (2: a port is taken; 4: development signing outside Development).</summary>
    public int ExitCode { get; } = exitCode;
}

/// <summary>Tries the ports a process is configured to listen on before Orleans or Kestrel start.</summary>
public static class PortCheck
{
    /// <summary>
    /// Throws <see cref="PortInUseException"/> naming the first configured port that cannot be bound and the setting that
    /// chooses it. <paramref name="silo"/>: also the Orleans silo-to-silo and client ports (a node, not a standalone gateway).
    /// </summary>
    public static void ThrowIfTaken(IConfiguration configuration, bool silo, bool postgres = false)
    {
        var gateway = configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        var host = IPAddress.Parse(gateway.Host);
        var ports = new List<(string Key, IPAddress Address, int Port)>
        {
            ("Engagement:Gateway:GrpcPort", host, gateway.GrpcPort),
            ("Engagement:Gateway:HttpPort", host, gateway.HttpPort),
        };
        if (silo)
        {
            var cluster = configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
            var advertised = IPAddress.Parse(cluster.AdvertisedAddress ?? IPAddress.Loopback.ToString());
            var siloAddress = !postgres ? IPAddress.Loopback : IPAddress.IsLoopback(advertised) ? advertised : IPAddress.Any;
            ports.Add(("Engagement:Cluster:SiloPort", siloAddress, cluster.SiloPort));
            ports.Add(("Engagement:Cluster:GatewayPort", siloAddress, cluster.GatewayPort));
        }

        foreach (var (key, address, port) in ports.Where(p => p.Port > 0))
        {
            if (!CanBind(address, port))
            {
                throw new PortInUseException(Message(key, address, port));
            }
        }
    }

    /// <summary>The one line a taken port gets.</summary>
    public static string Message(string key, IPAddress address, int port) =>
        $"Port {port} on {address} ({key}) is in use by another process: stop that process or choose a free port with " +
        $"--{key}=<port> (environment variable {key.Replace(":", "__", StringComparison.Ordinal)}).";

    private static bool CanBind(IPAddress address, int port)
    {
        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            if (!OperatingSystem.IsWindows())
            {
                // As Kestrel binds on Unix: connections of a previous run in TIME_WAIT do not hold the port, a listener does.
                // (On Windows the option would let a socket share a port in use, so it is left off there.)
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            }

            socket.Bind(new IPEndPoint(address, port));
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            return false;
        }
    }
}
