using System.Diagnostics;
using System.Text;
using Engagement.Gateway;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Engagement.EndToEnd;

/// <summary>The real node as its own OS process (the README's binary), so a test can SIGKILL it mid-flight.</summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log;

    private NodeProcess(Process process, StringBuilder log, int grpcPort)
    {
        _process = process;
        _log = log;
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
    }

    public GrpcChannel Channel { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts the node with these settings and waits until its health check says SERVING.</summary>
    public static async Task<NodeProcess> StartAsync(NodeSettings settings)
    {
        var (process, log) = Launch(settings);
        var node = new NodeProcess(process, log, settings.GrpcPort);
        try
        {
            await Eventually.SucceedsAsync(async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The node exited with {process.ExitCode}:\n{node.Log}");
                }

                var health = await new Health.HealthClient(node.Channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
                return health.Status == HealthCheckResponse.Types.ServingStatus.Serving ? true : throw new InvalidOperationException("not serving");
            }, TimeSpan.FromSeconds(90), "The node's start");
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }

        return node;
    }

    /// <summary>Runs the node until it exits by itself (e.g. on a start-up error); returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Log)> RunToExitAsync(NodeSettings settings, TimeSpan deadline)
    {
        var (process, log) = Launch(settings);
        using (process)
        {
            using var timeout = new CancellationTokenSource(deadline);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"The node did not exit within {deadline}.");
            }

            process.WaitForExit();
            lock (log)
            {
                return (process.ExitCode, log.ToString());
            }
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; only what was committed survives.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (!_process.HasExited)
        {
            Kill();
        }

        await Task.CompletedTask;
        _process.Dispose();
    }

    private static (Process Process, StringBuilder Log) Launch(NodeSettings settings)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = settings.DataDirectory };
        start.ArgumentList.Add(BuildOutput.Of("silo/Engagement.Silo"));
        if (settings.Environment is { } environment)
        {
            start.Environment["DOTNET_ENVIRONMENT"] = environment;
        }

        foreach (var arg in settings.Args())
        {
            start.ArgumentList.Add(arg);
        }

        var log = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, log);
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }
}

/// <summary>Configuration of one node process; the same ports and directory survive a restart.</summary>
public sealed record NodeSettings(string DataDirectory, string[] Extra)
{
    public int GrpcPort { get; } = FreePorts.Next();

    public int HttpPort { get; } = FreePorts.Next();

    public int SiloPort { get; } = FreePorts.Next();

    public int GatewayPort { get; } = FreePorts.Next();

    /// <summary>The node's hosting environment when not the tests' Development (DOTNET_ENVIRONMENT).</summary>
    public string? Environment { get; init; }

    public Microsoft.IdentityModel.Tokens.SecurityKey Key => DevelopmentTokens.LoadOrCreateKey(Path.Combine(DataDirectory, "dev-signing-key"));

    public IEnumerable<string> Args() =>
    [
        $"--Engagement:DataDirectory={DataDirectory}",
        $"--Engagement:Gateway:GrpcPort={GrpcPort}",
        $"--Engagement:Gateway:HttpPort={HttpPort}",
        $"--Engagement:Cluster:SiloPort={SiloPort}",
        $"--Engagement:Cluster:GatewayPort={GatewayPort}",
        "--Engagement:RateLimit:Enabled=false", // tests and the bench write far faster than any person
        .. Extra,
    ];
}
