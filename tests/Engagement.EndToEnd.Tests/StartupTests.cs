using System.Net;
using System.Net.Sockets;
using Grpc.Reflection.V1Alpha;

namespace Engagement.EndToEnd;

[Collection(NodeCollection.Name)]
public sealed class StartupTests(NodeFixture fixture)
{
    [Theory]
    [InlineData("Engagement:Gateway:GrpcPort")]
    [InlineData("Engagement:Gateway:HttpPort")]
    [InlineData("Engagement:Cluster:SiloPort")]
    public async Task ANodeWhosePortIsTakenExitsAtOnceWithOneLineSayingWhichPortAndWhichSettingChoosesIt(string setting)
    {
        var directory = Directory.CreateTempSubdirectory("engagement-port-").FullName;
        var settings = new NodeSettings(directory, []);
        var port = setting switch
        {
            "Engagement:Gateway:GrpcPort" => settings.GrpcPort,
            "Engagement:Gateway:HttpPort" => settings.HttpPort,
            _ => settings.SiloPort,
        };
        using var squatter = new TcpListener(IPAddress.Loopback, port);
        squatter.Start();
        try
        {
            var (exitCode, log) = await NodeProcess.RunToExitAsync(settings, TimeSpan.FromSeconds(90));

            Assert.Equal(2, exitCode);
            var portText = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var line = Assert.Single(lines, l => l.Contains(portText, StringComparison.Ordinal));
            Assert.Equal($"Port {portText} on 127.0.0.1 ({setting}) is in use by another process: stop that process or choose a free port with " +
                $"--{setting}=<port> (environment variable {setting.Replace(":", "__", StringComparison.Ordinal)}).", line);
            Assert.DoesNotContain(lines, l => l.StartsWith("at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal));
            Assert.True(lines.Length <= 2, $"Expected the one line (and at most one other), got:\n{log}");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task ANodeStartedAndRestartedLogsNoWatchdogStallWarningWhileItStarts()
    {
        var directory = Directory.CreateTempSubdirectory("engagement-watchdog-").FullName;
        try
        {
            var settings = new NodeSettings(directory, []);
            string first;
            await using (var node = await NodeProcess.StartAsync(settings))
            {
                first = node.Log;
            }

            await using var restarted = await NodeProcess.StartAsync(settings);
            var log = first + restarted.Log;

            Assert.Contains("Orleans Silo started", log, StringComparison.Ordinal);
            Assert.DoesNotContain("Participant check thread has not completed", log, StringComparison.Ordinal);
            Assert.DoesNotContain("Orleans.Runtime.Watchdog", log, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task ATokenWithASubjectAndNoRolesIsMintedAndAccepted()
    {
        var directory = Directory.CreateTempSubdirectory("engagement-token-").FullName;
        try
        {
            // The node's own token command, as README runs it, in a directory of its own: the key lands in ./data.
            var (exitCode, token, error) = await RunNodeProgramAsync(directory, "token", "--sub", "bob");

            Assert.True(exitCode == 0, error);
            Assert.True(File.Exists(Path.Combine(directory, "data", "dev-signing-key")));
            var (_, noSubject, usage) = await RunNodeProgramAsync(directory, "token", "--hours", "1");
            Assert.Empty(noSubject);
            Assert.Contains("usage: token", usage, StringComparison.Ordinal);
            Assert.Contains("bob", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(PadBase64(token.Trim().Split('.')[1]))), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task DotnetRunOfTheNodeKeepsItsDataInTheDirectoryItWasRunFrom()
    {
        var directory = Directory.CreateTempSubdirectory("engagement-run-").FullName;
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in (string[])["run", "--no-build", "-c", BuildOutput.Configuration, "--project", Path.Combine(BuildOutput.RepositoryRoot, "silo", "Engagement.Silo"), "--", "token", "--member", "m1"])
            {
                start.ArgumentList.Add(arg);
            }

            using var process = System.Diagnostics.Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);

            Assert.True(process.ExitCode == 0, await error + await output);
            Assert.True(File.Exists(Path.Combine(directory, "data", "dev-signing-key")), "dotnet run should use ./data of the directory it was run from");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task DevelopmentSigningOutsideDevelopmentIsRefusedAtStartWithOneLineSayingWhatToDo(string environment)
    {
        var directory = Directory.CreateTempSubdirectory("engagement-env-").FullName;
        try
        {
            var settings = new NodeSettings(directory, []);
            var (exitCode, output, error) = await RunNodeProgramInAsync(directory, environment, [.. settings.Args()]);

            Assert.Equal(4, exitCode);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains($"refused in the '{environment}' environment", line, StringComparison.Ordinal);
            Assert.Contains("--Engagement:Auth:Mode=external", line, StringComparison.Ordinal);
            Assert.Contains("--Engagement:Auth:AllowDevelopmentSigning=true", line, StringComparison.Ordinal);
            Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(directory, "dev-signing-key")), "a refused node should not create a signing key");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task DevelopmentSigningOutsideDevelopmentStartsWhenAllowedExplicitly()
    {
        var directory = Directory.CreateTempSubdirectory("engagement-env-").FullName;
        var settings = new NodeSettings(directory, ["--Engagement:Auth:AllowDevelopmentSigning=true"]) { Environment = "Production" };
        var node = await NodeProcess.StartAsync(settings);
        try
        {
            var seed = await Seed.CreateAsync(node.Channel, settings.Key);

            Assert.Contains("Hosting environment: Production", node.Log, StringComparison.Ordinal);
            Assert.NotEmpty(seed.Park);
        }
        finally
        {
            await node.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static Task<(int ExitCode, string Output, string Error)> RunNodeProgramAsync(string directory, params string[] args) =>
        RunNodeProgramInAsync(directory, environment: null, args);

    private static async Task<(int ExitCode, string Output, string Error)> RunNodeProgramInAsync(string directory, string? environment, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        if (environment is not null)
        {
            start.Environment["DOTNET_ENVIRONMENT"] = environment;
        }

        start.ArgumentList.Add(BuildOutput.Of("silo/Engagement.Silo"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }

    private static string PadBase64(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
    }

    [Fact]
    public async Task ServerReflectionListsTheServicesSoGrpcurlCanCallThem()
    {
        var reflection = new ServerReflection.ServerReflectionClient(fixture.Node.Channel);
        using var call = reflection.ServerReflectionInfo(cancellationToken: TestContext.Current.CancellationToken);

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" }, TestContext.Current.CancellationToken);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(TestContext.Current.CancellationToken));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Contains("engagement.v1.OrganizationService", services);
        Assert.Contains("engagement.v1.PointsService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }
}
