using System.Net;
using System.Net.Sockets;
using Grpc.Reflection.V1Alpha;

namespace Engagement.EndToEnd;

[Collection(NodeCollection.Name)]
public sealed class StartupTests(NodeFixture fixture)
{
    [Fact]
    public async Task ANodeWhoseGrpcPortIsTakenExitsAtOnceSayingWhichPortAndHowToChangeIt()
    {
        var directory = Directory.CreateTempSubdirectory("engagement-port-").FullName;
        var settings = new NodeSettings(directory, []);
        using var squatter = new TcpListener(IPAddress.Loopback, settings.GrpcPort);
        squatter.Start();
        try
        {
            var (exitCode, log) = await NodeProcess.RunToExitAsync(settings, TimeSpan.FromSeconds(90));

            Assert.Equal(2, exitCode);
            Assert.Contains(settings.GrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture), log, StringComparison.Ordinal);
            Assert.Contains("Engagement:Gateway:GrpcPort", log, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
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
