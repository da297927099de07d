using Engagement.Gateway;
using Engagement.Silo;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Engagement.EndToEnd;

/// <summary>
/// A real all-in-one node (silo + gateway, NodeHost as in production) in this process, on free ports and a temp
/// data directory, with a fake domain clock. Clients reach it only through its Kestrel ports.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    private TestNode(WebApplication app, string dataDirectory, int grpcPort, int httpPort, FakeTimeProvider time)
    {
        App = app;
        DataDirectory = dataDirectory;
        Time = time;
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
        Channel = GrpcChannel.ForAddress(GrpcAddress);
        Key = DevelopmentTokens.LoadOrCreateKey(Path.Combine(dataDirectory, "dev-signing-key"));
    }

    public WebApplication App { get; }

    public string DataDirectory { get; }

    public FakeTimeProvider Time { get; }

    public Uri GrpcAddress { get; }

    public Uri HttpAddress { get; }

    public GrpcChannel Channel { get; }

    public SecurityKey Key { get; }

    /// <summary>Starts a node. <paramref name="extraArgs"/> are configuration, e.g. the storage provider.</summary>
    public static async Task<TestNode> StartAsync(string? dataDirectory = null, FakeTimeProvider? time = null, params string[] extraArgs)
    {
        dataDirectory ??= Directory.CreateTempSubdirectory("engagement-e2e-").FullName;
        time ??= new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
        var grpcPort = FreePorts.Next();
        var httpPort = FreePorts.Next();
        string[] args =
        [
            $"--Engagement:DataDirectory={dataDirectory}",
            $"--Engagement:Gateway:GrpcPort={grpcPort}",
            $"--Engagement:Gateway:HttpPort={httpPort}",
            $"--Engagement:Cluster:SiloPort={FreePorts.Next()}",
            $"--Engagement:Cluster:GatewayPort={FreePorts.Next()}",
            "--Logging:LogLevel:Default=Warning",
            "--Engagement:Reminders:MinimumReminderPeriod=00:00:01",
            "--Engagement:Redemption:ExpiryCheckPeriod=00:00:01",
            // Tests write far faster than any person; EdgeGuardTests turn the per-caller limit back on.
            "--Engagement:RateLimit:Enabled=false",
            .. extraArgs,
        ];
        var app = await NodeHost.BuildAsync(args, builder => builder.Services.AddSingleton(new DomainClock(time)));
        await app.StartAsync();
        return new TestNode(app, dataDirectory, grpcPort, httpPort, time);
    }

    public Api As(string? token) => Api.For(Channel, token);

    public string Token(string subject, params RoleGrant[] grants) => Api.Token(Key, subject, grants);

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
