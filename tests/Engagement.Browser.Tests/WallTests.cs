using System.Diagnostics;
using Engagement.V1;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Engagement.Browser;

/// <summary>The board wall in a real browser against a real node: live awards, names, full-screen, phone size.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class WallTests(ConsoleNode console, ITestOutputHelper output)
{
    [Fact]
    public async Task The_wall_shows_an_award_made_through_grpc_within_two_seconds_with_the_members_name()
    {
        ConsoleNode.RequireChromium();
        var seed = await Seed.CreateAsync(console.Node.Channel, console.Settings.Key);
        var zhang = await seed.MemberAsync("张三丰");
        var li = await seed.MemberAsync("李四光");
        await using var tab = await ConsolePage.OpenAsync(console.Browser, console.BaseUrl);
        await tab.SignInAsync("committee-leader", seed.Committee, "leader-1");
        await tab.GoAsync($"#/wall/committee/{seed.Committee}/week");
        await Expect(tab.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "实时更新中" })).ToBeVisibleAsync();
        var board = tab.Page.GetByRole(AriaRole.List, new() { Name = "个人排名" });

        await seed.AwardAsync(zhang, 30);
        var awarded = Stopwatch.StartNew();
        var zhangRow = board.GetByRole(AriaRole.Listitem).Filter(new() { HasText = zhang });
        await Expect(zhangRow).ToBeVisibleAsync(new() { Timeout = 2_000 });
        output.WriteLine($"award → visible on the wall: {awarded.ElapsedMilliseconds} ms");
        await Expect(zhangRow).ToContainTextAsync("张三丰");
        await Expect(zhangRow).ToContainTextAsync("30");

        // A second member overtakes: ranks change on the wall, the new leader first.
        await seed.AwardAsync(li, 50);
        await Expect(board.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("李四光", new() { Timeout = 2_000 });
        await Expect(board.GetByRole(AriaRole.Listitem).Nth(1)).ToContainTextAsync("张三丰");
        await Expect(board.GetByRole(AriaRole.Listitem).Nth(1)).ToContainTextAsync("▼1");

        // The committee's branches beside it, by points per member.
        var branches = tab.Page.GetByRole(AriaRole.List, new() { Name = "支部排名" });
        await Expect(branches.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("第一党支部");
        await Expect(branches.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("40.0");

        await tab.AssertAccessibleAsync();
        output.WriteLine(await tab.ScreenshotAsync("wall"));

        // Full-screen for a projector: the controls and the header go away, Escape brings them back.
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "全屏" }).ClickAsync();
        await Expect(tab.Page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" })).ToBeHiddenAsync();
        await Expect(board.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("李四光");
        output.WriteLine(await tab.ScreenshotAsync("wall-fullscreen"));
        await tab.Page.Keyboard.PressAsync("Escape");
        await Expect(tab.Page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" })).ToBeVisibleAsync();
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_member_sees_the_other_members_names_on_their_branch_wall_and_a_rename_at_once()
    {
        ConsoleNode.RequireChromium();
        var seed = await Seed.CreateAsync(console.Node.Channel, console.Settings.Key);
        var me = await seed.MemberAsync("孙中山");
        var other = await seed.MemberAsync("林徽因");
        await seed.AwardAsync(other, 20);
        await seed.AwardAsync(me, 10);
        await using var tab = await ConsolePage.OpenAsync(console.Browser, console.BaseUrl);
        await tab.SignInAsync("member", me, me);
        await tab.GoAsync($"#/wall/branch/{seed.Branch}/all");
        var board = tab.Page.GetByRole(AriaRole.List, new() { Name = "个人排名" });

        // A member may not read another member's profile: the name comes with the board's entry.
        await Expect(board.GetByRole(AriaRole.Listitem).First.Locator(".name")).ToHaveTextAsync("林徽因");
        await Expect(board.GetByRole(AriaRole.Listitem).Nth(1).Locator(".name")).ToHaveTextAsync("孙中山");

        await seed.Secretary.Organization.SetMemberDisplayNameAsync(new SetMemberDisplayNameRequest { MemberId = other, DisplayName = "林徽音", IdempotencyKey = Seed.Next("k") });
        await Expect(board.GetByRole(AriaRole.Listitem).First.Locator(".name")).ToHaveTextAsync("林徽音", new() { Timeout = 2_000 });
        output.WriteLine(await tab.ScreenshotAsync("wall-member"));
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task On_a_phone_sized_screen_the_wall_shows_the_board_for_a_park_admin()
    {
        ConsoleNode.RequireChromium();
        var seed = await Seed.CreateAsync(console.Node.Channel, console.Settings.Key);
        var wang = await seed.MemberAsync("王小明");
        await seed.AwardAsync(wang, 12);
        await using var tab = await ConsolePage.OpenAsync(console.Browser, console.BaseUrl, ConsolePage.Phone);
        await tab.SignInAsync("park-admin", seed.Park, "admin-1");
        await tab.GoAsync($"#/wall/park/{seed.Park}/day");
        var row = tab.Page.GetByRole(AriaRole.List, new() { Name = "个人排名" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "王小明" });
        await Expect(row).ToContainTextAsync("12");
        var width = await tab.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= ConsolePage.Phone.Width, $"the page scrolls sideways on a phone: {width}px wide");
        await tab.AssertAccessibleAsync();
        output.WriteLine(await tab.ScreenshotAsync("wall-phone"));
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task After_a_network_drop_the_wall_says_it_is_reconnecting_and_then_shows_new_awards()
    {
        ConsoleNode.RequireChromium();
        var seed = await Seed.CreateAsync(console.Node.Channel, console.Settings.Key);
        var qian = await seed.MemberAsync("钱学森");
        await seed.AwardAsync(qian, 5);
        await using var tab = await ConsolePage.OpenAsync(console.Browser, console.BaseUrl);
        await tab.SignInAsync("secretary", seed.Branch, "secretary-net");
        await tab.GoAsync($"#/wall/branch/{seed.Branch}/all");
        var live = tab.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "实时更新中" });
        var row = tab.Page.GetByRole(AriaRole.List, new() { Name = "个人排名" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "钱学森" });
        await Expect(live).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("5");

        // The browser loses the network: the open stream may linger, but the wall notices within its 10 s probe.
        await tab.Page.Context.SetOfflineAsync(true);
        await Expect(tab.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "正在重新连接" })).ToBeVisibleAsync(new() { Timeout = 25_000 });
        await seed.AwardAsync(qian, 20);
        await tab.Page.Context.SetOfflineAsync(false);
        await Expect(live).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(row).ToContainTextAsync("25");
        var unexpected = tab.Errors.Where(e => !e.Contains("ERR_INTERNET_DISCONNECTED", StringComparison.Ordinal)).ToList();
        Assert.True(unexpected.Count == 0, "Console errors:\n" + string.Join("\n", unexpected));
    }
}
