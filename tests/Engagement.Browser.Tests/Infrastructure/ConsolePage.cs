using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Engagement.Browser;

/// <summary>One browser tab on the console (its own context: its own sessionStorage), recording console errors.</summary>
public sealed class ConsolePage : IAsyncDisposable
{
    public static readonly ViewportSize Desktop = new() { Width = 1366, Height = 900 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    private ConsolePage(IBrowserContext context, IPage page, string baseUrl)
    {
        _context = context;
        Page = page;
        BaseUrl = baseUrl;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add($"console: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add($"page error: {error}");
            }
        };
    }

    public IPage Page { get; }

    public string BaseUrl { get; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    public static async Task<ConsolePage> OpenAsync(IBrowser browser, string baseUrl, ViewportSize? viewport = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport ?? Desktop,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            IsMobile = viewport == Phone,
            HasTouch = viewport == Phone,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        return new ConsolePage(context, page, baseUrl);
    }

    /// <summary>Signs in through the console's development sign-in form, as a person would.</summary>
    public async Task SignInAsync(string role, string scope, string? subject = null)
    {
        await Page.GotoAsync(BaseUrl + "/#/signin");
        await Page.GetByLabel("角色").SelectOptionAsync(role);
        await Page.GetByLabel("编号", new() { Exact = true }).FillAsync(scope);
        if (subject is not null)
        {
            await Page.GetByLabel("用户标识（可选）").FillAsync(subject);
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
    }

    public Task GoAsync(string hash) => Page.GotoAsync($"{BaseUrl}/{hash}");

    /// <summary>Saves a full-page screenshot under the screenshots folder (ENGAGEMENT_SCREENSHOTS, default beside the test binaries).</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var folder = Screenshots.Folder;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        return path;
    }

    /// <summary>axe-core over the page: no serious or critical violation (labels, contrast, names of controls, …).</summary>
    public async Task AssertAccessibleAsync()
    {
        var result = await Page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(bad.Count == 0, "Accessibility violations:\n" + string.Join("\n", bad));
    }

    public void AssertNoConsoleErrors() => Assert.True(Errors.Count == 0, "Console errors:\n" + string.Join("\n", Errors));

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}

public static class Screenshots
{
    public static string Folder =>
        Environment.GetEnvironmentVariable("ENGAGEMENT_SCREENSHOTS") is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "screenshots");
}
