using System.Text.Json;
using Engagement.V1;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Engagement.Browser;

/// <summary>The dashboard in a real browser: its charts show exactly the analytics RPC's numbers.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DashboardTests(ConsoleNode console, ITestOutputHelper output)
{
    [Fact]
    public async Task The_committee_dashboards_charts_show_the_numbers_of_the_analytics_rpc()
    {
        ConsoleNode.RequireChromium();
        var seed = await Seed.CreateAsync(console.Node.Channel, console.Settings.Key);
        var (branch2, secretary2) = await seed.SecondBranchAsync();
        string[] first = [await seed.MemberAsync("孙一"), await seed.MemberAsync("孙二")];
        var second = await seed.MemberAsync("钟三", branch2, secretary2);
        foreach (var member in first.Append(second))
        {
            await seed.As(member, new RoleGrant(Role.Member, member)).Points.CheckInAsync(new CheckInRequest { IdempotencyKey = Seed.Next("k") });
        }

        var leader = seed.As("leader-2", new RoleGrant(Role.CommitteeLeader, seed.Committee));
        var request = new GetCommitteeAnalyticsRequest { CommitteeId = seed.Committee, Top = 10 };
        await Eventually.SucceedsAsync(async () =>
        {
            var r = await leader.Analytics.GetCommitteeAnalyticsAsync(request);
            return r.Analytics.ActiveMembers == 3 && r.Branches.Sum(b => b.ActiveMembers) == 3 ? r : throw new InvalidOperationException("not yet");
        }, TimeSpan.FromSeconds(20), "The committee's analytics counting 3 active members");

        await using var tab = await ConsolePage.OpenAsync(console.Browser, console.BaseUrl);
        await tab.SignInAsync("committee-leader", seed.Committee, "leader-2");
        await tab.GoAsync($"#/dashboard/committee/{seed.Committee}");
        var analytics = await leader.Analytics.GetCommitteeAnalyticsAsync(request);
        var a = analytics.Analytics;

        var trend = await ChartAsync(tab.Page, "trend");
        Assert.Equal(a.Trend.Select(d => d.Day), trend.Labels);
        Assert.Equal(a.Trend.Select(d => (double)d.ActiveMembers), trend.Series[0]);
        Assert.Equal(a.Trend.Select(d => (double)d.PointsEarned), trend.Series[1]);
        Assert.Contains(3.0, trend.Series[0]);

        var participation = await ChartAsync(tab.Page, "participation");
        Assert.Equal(a.Participation.Select(p => (double)p.Members), participation.Series[0]);
        Assert.Equal(a.Participation.Select(p => (double)p.Points), participation.Series[1]);
        Assert.Contains("每日签到", participation.Labels);

        var branches = await ChartAsync(tab.Page, "branches");
        Assert.Equal(analytics.Branches.Select(b => b.Name), branches.Labels);
        Assert.Equal(analytics.Branches.Select(b => b.PointsPerMember), branches.Series[0]);
        Assert.Equal(["第一党支部", "第二党支部"], branches.Labels.Order());

        var overview = tab.Page.Locator("[aria-label='概览']");
        await Expect(overview).ToContainTextAsync($"活跃人数{a.ActiveMembers}");
        await Expect(overview).ToContainTextAsync($"党员数{a.Members}");
        await tab.AssertAccessibleAsync();
        output.WriteLine(await tab.ScreenshotAsync("dashboard-committee"));
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_secretary_sees_the_branch_figures_downloads_csv_and_sends_a_notice_members_receive()
    {
        ConsoleNode.RequireChromium();
        var seed = await Seed.CreateAsync(console.Node.Channel, console.Settings.Key);
        var member = await seed.MemberAsync("冯四");
        var memberApi = seed.As(member, new RoleGrant(Role.Member, member));
        await memberApi.Points.CheckInAsync(new CheckInRequest { IdempotencyKey = Seed.Next("k") });
        await Eventually.SucceedsAsync(async () =>
            (await seed.Secretary.Analytics.GetBranchAnalyticsAsync(new GetBranchAnalyticsRequest { BranchId = seed.Branch })).Analytics.ActiveMembers == 1 ? true : throw new InvalidOperationException("not yet"),
            TimeSpan.FromSeconds(20), "The branch's analytics counting the check-in");

        await using var tab = await ConsolePage.OpenAsync(console.Browser, console.BaseUrl);
        await tab.SignInAsync("secretary", seed.Branch, "secretary");
        await tab.GoAsync("#/dashboard");
        var page = tab.Page;
        var a = (await seed.Secretary.Analytics.GetBranchAnalyticsAsync(new GetBranchAnalyticsRequest { BranchId = seed.Branch, Top = 10 })).Analytics;
        var trend = await ChartAsync(page, "trend");
        Assert.Equal(a.Trend.Select(d => (double)d.ActiveMembers), trend.Series[0]);
        await Expect(page.Locator("[aria-label='概览']")).ToContainTextAsync("活跃人数1");
        await Expect(page.GetByText("没有需要联系的党员")).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "每日数据 CSV" }).ClickAsync());
        var saved = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Equal([0xEF, 0xBB, 0xBF], saved[..3]); // saved byte for byte: the byte order mark Excel needs is kept
        Assert.Contains(a.ToDay, System.Text.Encoding.UTF8.GetString(saved), StringComparison.Ordinal);

        await page.GetByLabel("标题").FillAsync("学习提醒");
        await page.GetByLabel("内容").FillAsync("请于本周完成课程学习。");
        await page.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
        await Expect(page.GetByText("通知已发送")).ToBeVisibleAsync();
        var feed = await memberApi.Notices.ListFeedAsync(new ListFeedRequest());
        Assert.Contains(feed.Notices, n => n.Title == "学习提醒");

        await tab.AssertAccessibleAsync();
        output.WriteLine(await tab.ScreenshotAsync("dashboard"));
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_secretary_pages_the_roster_filters_it_and_verifies_and_deactivates_from_it()
    {
        ConsoleNode.RequireChromium();
        var seed = await Seed.CreateAsync(console.Node.Channel, console.Settings.Key);
        for (var i = 0; i < 21; i++)
        {
            await seed.MemberAsync($"吴{i:D2}");
        }

        var newcomer = Seed.Next("m");
        await seed.Secretary.Organization.RegisterMemberAsync(new RegisterMemberRequest { BranchId = seed.Branch, MemberId = newcomer, DisplayName = "周未", IdempotencyKey = Seed.Next("k") });

        await using var tab = await ConsolePage.OpenAsync(console.Browser, console.BaseUrl);
        await tab.SignInAsync("secretary", seed.Branch, "secretary");
        await tab.GoAsync("#/dashboard");
        var page = tab.Page;
        var rows = page.GetByRole(AriaRole.Table, new() { Name = "党员名册" }).Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(20);
        await page.GetByRole(AriaRole.Button, new() { Name = "下一页" }).ClickAsync();
        await Expect(page.GetByText("第 2 页")).ToBeVisibleAsync();
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "下一页" })).ToBeDisabledAsync();

        await page.GetByLabel("状态").SelectOptionAsync("未认证");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Expect(page.GetByText("第 1 页")).ToBeVisibleAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("周未");
        await page.GetByRole(AriaRole.Button, new() { Name = "名册：认证 周未" }).ClickAsync();
        await Expect(page.GetByText("认证成功")).ToBeVisibleAsync();
        await Expect(rows.First).ToContainTextAsync("没有符合条件的党员");
        Assert.True((await seed.Secretary.Organization.GetMemberAsync(new GetMemberRequest { MemberId = newcomer })).Member.Verified);

        await page.GetByLabel("状态").SelectOptionAsync("全部");
        await page.GetByLabel("姓名开头").FillAsync("周");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "名册：停用 周未" }).ClickAsync();
        await Expect(page.GetByText("停用成功")).ToBeVisibleAsync();
        await Expect(rows.First).ToContainTextAsync("已停用");
        Assert.False((await seed.Secretary.Organization.GetMemberAsync(new GetMemberRequest { MemberId = newcomer })).Member.Active);

        await tab.AssertAccessibleAsync();
        output.WriteLine(await tab.ScreenshotAsync("dashboard-roster"));
        tab.AssertNoConsoleErrors();
    }

    private sealed record ChartData(List<string> Labels, List<List<double>> Series);

    /// <summary>What the Chart.js chart on the canvas with this id draws: its labels and each dataset's numbers.</summary>
    private static async Task<ChartData> ChartAsync(IPage page, string id)
    {
        await page.WaitForFunctionAsync("id => document.getElementById(id)?.chart", id);
        var json = await page.EvaluateAsync<JsonElement>(
            "id => { const c = document.getElementById(id).chart; return { labels: c.data.labels.map(String), series: c.data.datasets.map(d => d.data.map(Number)) }; }", id);
        return new ChartData(
            [.. json.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!)],
            [.. json.GetProperty("series").EnumerateArray().Select(s => s.EnumerateArray().Select(v => v.GetDouble()).ToList())]);
    }
}
