using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Engagement.Browser;

/// <summary>The wall over a node that is SIGKILLed and started again (a real process, same ports and data).</summary>
public sealed class WallRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_wall_says_it_is_reconnecting_while_the_node_is_down_and_shows_new_awards_after_its_restart()
    {
        ConsoleNode.RequireChromium();
        var settings = new NodeSettings(Directory.CreateTempSubdirectory("engagement-browser-restart-").FullName, ["--Logging:LogLevel:Default=Warning"]);
        var node = await NodeProcess.StartAsync(settings);
        var (playwright, browser) = await ConsoleNode.LaunchAsync();
        try
        {
            var seed = await Seed.CreateAsync(node.Channel, settings.Key);
            var chen = await seed.MemberAsync("陈景润");
            await seed.AwardAsync(chen, 10);
            await using var tab = await ConsolePage.OpenAsync(browser, $"http://127.0.0.1:{settings.HttpPort}");
            await tab.SignInAsync("secretary", seed.Branch, "secretary-1");
            await tab.GoAsync($"#/wall/branch/{seed.Branch}/all");
            var live = tab.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "实时更新中" });
            var row = tab.Page.GetByRole(AriaRole.List, new() { Name = "个人排名" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "陈景润" });
            await Expect(live).ToBeVisibleAsync();
            await Expect(row).ToContainTextAsync("10");

            node.Kill();
            await Expect(tab.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "正在重新连接" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Expect(tab.Page.Locator(".wall")).ToHaveAttributeAsync("aria-busy", "true");
            output.WriteLine(await tab.ScreenshotAsync("wall-reconnecting"));

            node = await NodeProcess.StartAsync(settings);
            seed = Seed.Reattach(seed, node.Channel, settings.Key);
            await Expect(live).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await seed.AwardAsync(chen, 25);
            await Expect(row).ToContainTextAsync("35", new() { Timeout = 5_000 });
            await Expect(tab.Page.Locator(".wall")).ToHaveAttributeAsync("aria-busy", "false");

            // While the node was down the browser logged refused connections; nothing else may have gone wrong.
            var unexpected = tab.Errors.Where(e => !e.Contains("ERR_CONNECTION_REFUSED", StringComparison.Ordinal) && !e.Contains("ERR_EMPTY_RESPONSE", StringComparison.Ordinal)
                && !e.Contains("ERR_CONNECTION_RESET", StringComparison.Ordinal) && !e.Contains("ERR_INCOMPLETE_CHUNKED_ENCODING", StringComparison.Ordinal)).ToList();
            Assert.True(unexpected.Count == 0, "Console errors:\n" + string.Join("\n", unexpected));
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
            await node.DisposeAsync();
        }
    }
}
