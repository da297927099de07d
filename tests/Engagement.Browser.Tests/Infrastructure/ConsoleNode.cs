using Microsoft.Playwright;

namespace Engagement.Browser;

/// <summary>
/// A real node process serving the console, and Debian's Chromium driven by Playwright (never a downloaded browser).
/// Without Chromium the tests skip with the reason, except under CI=true, where they fail.
/// </summary>
public sealed class ConsoleNode : IAsyncLifetime
{
    public const string DefaultChromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public NodeSettings Settings { get; } = new(Directory.CreateTempSubdirectory("engagement-browser-").FullName, ["--Logging:LogLevel:Default=Warning"]);

    public NodeProcess Node { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl => $"http://127.0.0.1:{Settings.HttpPort}";

    /// <summary>Why the browser tests cannot run here (no Chromium), or null when they can.</summary>
    public static string? Missing =>
        File.Exists(ChromiumPath) ? null : $"Chromium not found at {ChromiumPath} (apt-get install -y chromium, or set ENGAGEMENT_CHROMIUM)";

    public static string ChromiumPath => Environment.GetEnvironmentVariable("ENGAGEMENT_CHROMIUM") is { Length: > 0 } path ? path : DefaultChromium;

    /// <summary>Skips the calling test when Chromium is missing; under CI=true a missing Chromium fails it instead.</summary>
    public static void RequireChromium()
    {
        if (Missing is not { } reason)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{reason}; under CI=true the browser tests must run.");
        }

        Assert.Skip(reason);
    }

    public async ValueTask InitializeAsync()
    {
        Node = await NodeProcess.StartAsync(Settings);
        if (Missing is null)
        {
            (_playwright, Browser) = await LaunchAsync();
        }
    }

    public static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // As root without a sandbox; no background connections (this machine's network is closed).
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=zh-CN"],
        });
        return (playwright, browser);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Node is not null)
        {
            await Node.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleNode>
{
    public const string Name = "console";
}
