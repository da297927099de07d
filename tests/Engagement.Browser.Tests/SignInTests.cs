using System.Net;
using System.Net.Http.Json;
using Engagement.V1;
using Grpc.Core;

namespace Engagement.Browser;

/// <summary>The console's files and its development sign-in, which exists only in development auth mode.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SignInTests(ConsoleNode console)
{
    [Fact]
    public async Task In_development_mode_the_node_serves_the_console_and_mints_a_token_for_a_chosen_role()
    {
        using var http = new HttpClient { BaseAddress = new Uri(console.BaseUrl) };
        var index = await http.GetStringAsync("/");
        Assert.Contains("积分平台控制台", index, StringComparison.Ordinal);
        Assert.Contains("\"development\"", await http.GetStringAsync("/console/auth-config"), StringComparison.Ordinal);

        var seed = await Seed.CreateAsync(console.Node.Channel, console.Settings.Key);
        var member = await seed.MemberAsync("赵敏");
        var response = await http.PostAsJsonAsync("/console/dev-token", new { role = "member", scope = member });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!.Token;
        var balance = await Api.For(console.Node.Channel, token).Points.GetBalanceAsync(new GetBalanceRequest());
        Assert.Equal(member, balance.MemberId);

        // The token is the member's and nobody else's.
        var other = await seed.MemberAsync("钱七");
        var denied = await Assert.ThrowsAsync<RpcException>(() => Api.For(console.Node.Channel, token).Points.GetBalanceAsync(new GetBalanceRequest { MemberId = other }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/console/dev-token", new { role = "emperor", scope = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/console/dev-token", new { role = "member", scope = "Not An Id!" })).StatusCode);
    }

    [Fact]
    public async Task In_external_auth_mode_there_is_no_development_token_endpoint()
    {
        var settings = new NodeSettings(Directory.CreateTempSubdirectory("engagement-browser-external-").FullName,
            ["--Logging:LogLevel:Default=Warning", "--Engagement:Auth:Mode=external", "--Engagement:Auth:Authority=https://127.0.0.1:9/"]);
        await using var node = await NodeProcess.StartAsync(settings);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{settings.HttpPort}") };
        Assert.Contains("积分平台控制台", await http.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("\"external\"", await http.GetStringAsync("/console/auth-config"), StringComparison.Ordinal);
        var response = await http.PostAsJsonAsync("/console/dev-token", new { role = "park-admin", scope = "zj" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(settings.DataDirectory, "dev-signing-key")), "an external-mode node created a development key");
    }

    private sealed record TokenResponse(string Token);
}
