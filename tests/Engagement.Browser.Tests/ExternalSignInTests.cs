using Engagement.V1;
using Microsoft.Playwright;

namespace Engagement.Browser;

/// <summary>
/// The console with an external OpenID Connect provider: authorization code with PKCE, the officer directory's roles
/// for a person whose token carries none, and no token or code left in the address bar.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ExternalSignInTests(ConsoleNode console)
{
    [Fact]
    public async Task A_secretary_signs_in_through_the_organisations_provider_and_gets_the_roles_the_platform_gave_them()
    {
        ConsoleNode.RequireChromium();
        await using var provider = await FakeIdentityProvider.StartAsync(subject: "zhang-sec");
        var settings = new NodeSettings(Directory.CreateTempSubdirectory("engagement-browser-oidc-").FullName,
        [
            "--Logging:LogLevel:Default=Warning",
            "--Engagement:Auth:Mode=external",
            $"--Engagement:Auth:Authority={provider.Authority}",
            "--Engagement:Auth:RequireHttpsMetadata=false",
            $"--Engagement:Auth:ConsoleClientId={FakeIdentityProvider.ClientId}",
        ]);
        await using var node = await NodeProcess.StartAsync(settings);
        var seed = await Seed.CreateAsync(node.Channel, provider.Key);
        await seed.Admin.Organization.AppointOfficerAsync(new AppointOfficerRequest
        {
            ParkId = seed.Park, Subject = "zhang-sec", DisplayName = "张书记", Role = OfficerRole.Secretary, ScopeId = seed.Branch, IdempotencyKey = "appoint-zhang",
        });

        await using var tab = await ConsolePage.OpenAsync(console.Browser, $"http://127.0.0.1:{settings.HttpPort}");
        await tab.Page.GotoAsync(tab.BaseUrl + "/#/signin");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "通过统一身份认证登录" }).ClickAsync();

        // Back from the provider: signed in as the secretary the platform appointed (the token has no roles).
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.Locator("header")).ToContainTextAsync($"zhang-sec（支部书记 {seed.Branch}）");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Link, new() { Name = "数据看板" })).ToBeVisibleAsync();
        Assert.DoesNotContain("code=", tab.Page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("token", tab.Page.Url, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, provider.Exchanged);

        // The console's calls go through with the provider's token: the branch's live wall connects.
        await tab.GoAsync("#/wall");
        await Assertions.Expect(tab.Page.GetByText("实时更新中")).ToBeVisibleAsync();
        tab.AssertNoConsoleErrors();
        await tab.ScreenshotAsync("signin-external");
        Directory.Delete(settings.DataDirectory, recursive: true);
    }
}
