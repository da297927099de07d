using Engagement.V1;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Engagement.Browser;

/// <summary>The merchant counter in a real browser: a code is confirmed once; the second try says it was redeemed.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CounterTests(ConsoleNode console, ITestOutputHelper output)
{
    [Fact]
    public async Task The_counter_confirms_a_code_once_and_says_already_redeemed_on_the_second_try()
    {
        ConsoleNode.RequireChromium();
        var seed = await Seed.CreateAsync(console.Node.Channel, console.Settings.Key);
        var counter = await Counter.OpenAsync(seed, cost: 10);
        var (_, member) = await counter.CustomerAsync(points: 100);
        var redemption = await counter.StartAsync(member);

        await using var tab = await ConsolePage.OpenAsync(console.Browser, console.BaseUrl);
        await tab.SignInAsync("merchant-staff", counter.MerchantId, $"clerk-{counter.MerchantId}");
        await tab.GoAsync("#/counter");
        var page = tab.Page;
        await page.GetByLabel("兑换码", new() { Exact = true }).FillAsync(redemption.Code);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var preview = page.Locator("dl[aria-label='兑换详情']");
        await Expect(preview).ToContainTextAsync("拿铁");
        await Expect(preview).ToContainTextAsync("王小明");
        await Expect(preview).ToContainTextAsync("10 分");
        await Expect(preview).ToContainTextAsync("待核销");

        await page.GetByRole(AriaRole.Button, new() { Name = "确认核销" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("核销成功");
        await Expect(preview).ToContainTextAsync("已核销");
        await Expect(page.GetByRole(AriaRole.Table).First).ToContainTextAsync("拿铁");
        await Expect(page.GetByText("核销 1 笔")).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();
        output.WriteLine(await tab.ScreenshotAsync("counter"));

        // The same code again: plainly already redeemed, and no way to confirm it.
        await page.GetByLabel("兑换码", new() { Exact = true }).FillAsync(redemption.Code);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("已核销：该兑换码已使用，不能再次核销");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "确认核销" })).ToBeHiddenAsync();
        output.WriteLine(await tab.ScreenshotAsync("counter-already-redeemed"));

        // Spent exactly once.
        var balance = await member.Points.GetBalanceAsync(new GetBalanceRequest());
        Assert.Equal(90, balance.Balance);
        Assert.Equal(0, balance.Held);

        // The day's settlement as CSV.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "下载结算 CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("latte", csv, StringComparison.Ordinal);
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_second_counter_showing_the_same_code_follows_its_status_and_says_already_redeemed()
    {
        ConsoleNode.RequireChromium();
        var seed = await Seed.CreateAsync(console.Node.Channel, console.Settings.Key);
        var counter = await Counter.OpenAsync(seed, cost: 10);
        var (_, member) = await counter.CustomerAsync(points: 100);
        var redemption = await counter.StartAsync(member);
        await using var first = await ConsolePage.OpenAsync(console.Browser, console.BaseUrl);
        await using var second = await ConsolePage.OpenAsync(console.Browser, console.BaseUrl, ConsolePage.Phone);
        foreach (var tab in new[] { first, second })
        {
            await tab.SignInAsync("merchant-staff", counter.MerchantId, $"clerk-{counter.MerchantId}");
            await tab.GoAsync("#/counter");
            await tab.Page.GetByLabel("兑换码", new() { Exact = true }).FillAsync(redemption.Code);
            await tab.Page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
            await Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "确认核销" })).ToBeVisibleAsync();
        }

        await first.Page.GetByRole(AriaRole.Button, new() { Name = "确认核销" }).ClickAsync();
        await Expect(first.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("核销成功");
        // The other counter follows the redemption (WatchRedemption): no confirm button any more, plainly redeemed.
        await Expect(second.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("已核销");
        await Expect(second.Page.GetByRole(AriaRole.Button, new() { Name = "确认核销" })).ToBeHiddenAsync();
        await second.AssertAccessibleAsync();
        output.WriteLine(await second.ScreenshotAsync("counter-phone"));
        first.AssertNoConsoleErrors();
        second.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task The_counter_lists_todays_redemptions_from_the_server_with_their_status()
    {
        ConsoleNode.RequireChromium();
        var seed = await Seed.CreateAsync(console.Node.Channel, console.Settings.Key);
        var counter = await Counter.OpenAsync(seed, cost: 10);
        var (_, first) = await counter.CustomerAsync(points: 100);
        var (_, second) = await counter.CustomerAsync(points: 100);
        var confirmed = await counter.StartAsync(first);
        await counter.StartAsync(second);
        await counter.Staff.Redemptions.ConfirmRedemptionAsync(new ConfirmRedemptionRequest { MerchantId = counter.MerchantId, QrPayload = confirmed.QrPayload, IdempotencyKey = "confirm" });

        // A fresh browser (no local storage of earlier confirms): the list comes from the server.
        await using var tab = await ConsolePage.OpenAsync(console.Browser, console.BaseUrl);
        await tab.SignInAsync("merchant-staff", counter.MerchantId, $"clerk-{counter.MerchantId}");
        await tab.GoAsync("#/counter");
        var rows = tab.Page.GetByRole(AriaRole.Table, new() { Name = "今日兑换记录" }).Locator("tbody tr");

        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToContainTextAsync("待核销");
        await Expect(rows.Nth(1)).ToContainTextAsync("已核销");
        await Expect(rows.Nth(1)).ToContainTextAsync("拿铁");
        await tab.AssertAccessibleAsync();
        output.WriteLine(await tab.ScreenshotAsync("counter-history"));
        tab.AssertNoConsoleErrors();
    }
}
