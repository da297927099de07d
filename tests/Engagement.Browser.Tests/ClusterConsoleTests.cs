using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Engagement.Browser;

/// <summary>The console on a two-silo PostgreSQL cluster: the browser on one node, the writes through the other.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterConsoleTests(PostgresFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task On_a_two_silo_postgres_cluster_the_wall_and_the_counter_follow_writes_made_through_the_other_node()
    {
        ConsoleNode.RequireChromium();
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        var keys = Directory.CreateTempSubdirectory("engagement-browser-cluster-").FullName;
        string[] postgres = ["--Engagement:Storage:Provider=postgres", $"--Engagement:Storage:ConnectionString={connectionString}", "--Engagement:Cluster:ClusterId=console"];
        await using var a = await TestNode.StartAsync(keys, extraArgs: postgres);
        await using var b = await TestNode.StartAsync(keys, extraArgs: postgres);
        var (playwright, browser) = await ConsoleNode.LaunchAsync();
        try
        {
            var seed = await Seed.CreateAsync(a);
            var xu = await seed.MemberAsync("徐光启");
            var counter = await Counter.OpenAsync(seed, cost: 10);
            var (_, customer) = await counter.CustomerAsync(points: 50);

            await using var wall = await ConsolePage.OpenAsync(browser, b.HttpAddress.ToString().TrimEnd('/'));
            await wall.SignInAsync("park-admin", seed.Park, "admin-cluster");
            await wall.GoAsync($"#/wall/park/{seed.Park}/all");
            await Expect(wall.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "实时更新中" })).ToBeVisibleAsync();
            await seed.AwardAsync(xu, 42);
            var row = wall.Page.GetByRole(AriaRole.List, new() { Name = "个人排名" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "徐光启" });
            await Expect(row).ToContainTextAsync("42", new() { Timeout = 5_000 });
            output.WriteLine(await wall.ScreenshotAsync("cluster-wall"));
            wall.AssertNoConsoleErrors();

            var redemption = await counter.StartAsync(customer);
            await using var desk = await ConsolePage.OpenAsync(browser, b.HttpAddress.ToString().TrimEnd('/'));
            await desk.SignInAsync("merchant-staff", counter.MerchantId, $"clerk-{counter.MerchantId}");
            await desk.GoAsync("#/counter");
            await desk.Page.GetByLabel("兑换码", new() { Exact = true }).FillAsync(redemption.Code);
            await desk.Page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
            await desk.Page.GetByRole(AriaRole.Button, new() { Name = "确认核销" }).ClickAsync();
            await Expect(desk.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("核销成功");
            await desk.Page.GetByLabel("兑换码", new() { Exact = true }).FillAsync(redemption.Code);
            await desk.Page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
            await Expect(desk.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("已核销");
            desk.AssertNoConsoleErrors();
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
