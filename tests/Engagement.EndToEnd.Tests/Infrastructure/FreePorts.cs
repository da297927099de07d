using System.Net;
using System.Net.Sockets;

namespace Engagement.EndToEnd;

public static class FreePorts
{
    private static readonly HashSet<int> Issued = [];

    /// <summary>
    /// A loopback port nobody listens on right now, and never one this test run handed out before (the OS may offer a
    /// just-released port again, and two nodes of one test must not get the same).
    /// </summary>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (Issued)
            {
                if (Issued.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
