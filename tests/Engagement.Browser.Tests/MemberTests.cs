using Engagement.V1;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Engagement.Browser;

/// <summary>The member view in a real browser: balance, check-in, ledger, live notices; nobody else's view.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class MemberTests(ConsoleNode console, ITestOutputHelper output)
{
    [Fact]
    public async Task A_member_sees_their_points_checks_in_and_gets_a_new_notice_live()
    {
        ConsoleNode.RequireChromium();
        var seed = await Seed.CreateAsync(console.Node.Channel, console.Settings.Key);
        var zhou = await seed.MemberAsync("周杰");
        await seed.AwardAsync(zhou, 20);
        await using var tab = await ConsolePage.OpenAsync(console.Browser, console.BaseUrl, ConsolePage.Phone);
        await tab.SignInAsync("member", zhou);
        await tab.GoAsync("#/member");
        var page = tab.Page;
        var figures = page.Locator("[aria-label='积分概览']");
        await Expect(figures).ToContainTextAsync("积分余额20");
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("积分调整");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "未读" })).ToContainTextAsync("未读 0 条");

        await page.GetByRole(AriaRole.Button, new() { Name = "今日签到" }).ClickAsync();
        await Expect(page.GetByText("签到成功")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("每日签到");
        var balance = await Api.For(console.Node.Channel, Api.Token(console.Settings.Key, zhou, new RoleGrant(Role.Member, zhou))).Points.GetBalanceAsync(new GetBalanceRequest());
        await Expect(figures).ToContainTextAsync($"积分余额{balance.Balance}");

        // A secretary's notice reaches the open page by itself (WatchFeed).
        await seed.Secretary.Notices.PublishNoticeAsync(new PublishNoticeRequest { Audience = V1.NoticeAudience.Branch, AudienceId = seed.Branch, Title = "周五主题党日", Body = "下午三点，三楼会议室。", IdempotencyKey = Seed.Next("k") });
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "通知列表" })).ToContainTextAsync("周五主题党日", new() { Timeout = 5_000 });
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "未读" })).ToContainTextAsync("未读 1 条");
        await tab.AssertAccessibleAsync();
        output.WriteLine(await tab.ScreenshotAsync("member"));
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_member_cannot_open_another_members_view()
    {
        ConsoleNode.RequireChromium();
        var seed = await Seed.CreateAsync(console.Node.Channel, console.Settings.Key);
        var wu = await seed.MemberAsync("吴一凡");
        var zheng = await seed.MemberAsync("郑二");
        await seed.AwardAsync(zheng, 77);
        await using var tab = await ConsolePage.OpenAsync(console.Browser, console.BaseUrl);
        await tab.SignInAsync("member", wu);
        await tab.GoAsync($"#/member/{zheng}");
        await Expect(tab.Page.GetByText("您没有权限")).ToBeVisibleAsync();
        await Expect(tab.Page.GetByText("积分余额")).ToBeHiddenAsync();
        // Exact: the random ids on the page may contain "77"; the other member's balance may not appear as a figure.
        await Expect(tab.Page.GetByText("77", new() { Exact = true })).ToHaveCountAsync(0);
        await tab.AssertAccessibleAsync();
        output.WriteLine(await tab.ScreenshotAsync("member-denied"));
    }
}
